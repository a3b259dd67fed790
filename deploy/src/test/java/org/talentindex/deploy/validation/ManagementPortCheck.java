package org.talentindex.deploy.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The services' management interface (health, metrics and OpenAPI on port 9000, production profile): exposed by no
 * Service, reachable through the NetworkPolicies from the monitoring namespace only, and scraped by a PodMonitor.
 * The probes' use of it is checked with the containers ({@link PodSpecCheck}).
 */
final class ManagementPortCheck {

    static final String PORT_NAME = "management";
    static final int PORT = 9000;

    private static final String METRICS_PATH = "/q/metrics";
    private static final String MONITORING_NAMESPACE = "monitoring";

    private ManagementPortCheck() {
    }

    static void check(List<ObjectNode> objects, Violations violations) {
        for (ObjectNode service : ManifestObjects.ofKind(objects, "Service")) {
            for (JsonNode port : service.path("spec").path("ports")) {
                if (isManagementPort(port.path("port")) || isManagementPort(port.path("targetPort"))) {
                    violations.add("Service " + ManifestObjects.nameOf(service) + " exposes the management port");
                }
            }
        }
        for (ObjectNode policy : ManifestObjects.ofKind(objects, "NetworkPolicy")) {
            String selected = policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
            if (!ManifestValidator.SERVICES.contains(selected)) {
                continue;
            }
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (allowsManagementPort(rule) && !onlyFromMonitoring(rule)) {
                    violations.add("NetworkPolicy " + ManifestObjects.nameOf(policy)
                            + " lets more than Prometheus reach the management port");
                }
            }
        }
        boolean scraped = ManifestObjects.ofKind(objects, "PodMonitor").stream()
                .flatMap(monitor -> ManifestObjects.elements(monitor.path("spec").path("podMetricsEndpoints")).stream())
                .anyMatch(endpoint -> endpoint.path("port").asText().equals(PORT_NAME)
                        && endpoint.path("path").asText().equals(METRICS_PATH));
        if (!scraped) {
            violations.add("no PodMonitor scrapes " + METRICS_PATH + " on port " + PORT_NAME);
        }
    }

    private static boolean isManagementPort(JsonNode port) {
        return port.asText().equals(PORT_NAME) || port.asInt() == PORT;
    }

    /** A rule without ports allows every port. */
    private static boolean allowsManagementPort(JsonNode rule) {
        return !rule.has("ports") || rule.path("ports").isEmpty()
                || ManifestObjects.elements(rule.path("ports")).stream().anyMatch(port -> isManagementPort(port.path("port")));
    }

    /** A rule without sources allows every source. */
    private static boolean onlyFromMonitoring(JsonNode rule) {
        List<JsonNode> peers = ManifestObjects.elements(rule.path("from"));
        return !peers.isEmpty() && peers.stream().allMatch(peer -> !peer.has("podSelector") && !peer.has("ipBlock")
                && MONITORING_NAMESPACE.equals(peer.path("namespaceSelector").path("matchLabels")
                        .path("kubernetes.io/metadata.name").asText(null)));
    }
}

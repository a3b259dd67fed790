package org.talentindex.deploy.validation;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every container of a workload: the three SmallRye Health probes on the management port, requests and limits, and a security
 * context that keeps it off root (pod or container runAsNonRoot, no user 0), with a read-only root
 * filesystem, no privilege escalation and every capability dropped.
 */
final class PodSpecCheck {

    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    static boolean knows(ObjectNode object) {
        return object.path("spec").path("template").path("spec").has("containers");
    }

    static void check(ObjectNode workload, Violations violations) {
        JsonNode podSecurity = workload.path("spec").path("template").path("spec").path("securityContext");
        for (JsonNode container : ManifestObjects.containers(workload)) {
            String where = ManifestObjects.describe(workload) + " container " + container.path("name").asText();
            checkProbes(container, where, violations);
            checkResources(container, where, violations);
            checkSecurity(podSecurity, container.path("securityContext"), where, violations);
        }
    }

    private static void checkProbes(JsonNode container, String where, Violations violations) {
        PROBE_PATHS.forEach((probe, path) -> {
            JsonNode httpGet = container.path(probe).path("httpGet");
            if (httpGet.isMissingNode()) {
                violations.add(where + ": missing probe " + probe);
            } else if (!httpGet.path("path").asText().equals(path)) {
                violations.add(where + ": " + probe + " must call " + path + ", not " + httpGet.path("path").asText());
            } else if (!httpGet.path("port").asText().equals(ManagementPortCheck.PORT_NAME)) {
                violations.add(where + ": " + probe + " must call port " + ManagementPortCheck.PORT_NAME + ", not "
                        + httpGet.path("port").asText());
            }
        });
        boolean declaresManagementPort = false;
        for (JsonNode port : container.path("ports")) {
            declaresManagementPort |= port.path("name").asText().equals(ManagementPortCheck.PORT_NAME)
                    && port.path("containerPort").asInt() == ManagementPortCheck.PORT;
        }
        if (!declaresManagementPort) {
            violations.add(where + ": no port " + ManagementPortCheck.PORT_NAME + " (" + ManagementPortCheck.PORT + ")");
        }
    }

    private static void checkResources(JsonNode container, String where, Violations violations) {
        for (String bound : new String[] {"requests", "limits"}) {
            for (String resource : new String[] {"cpu", "memory"}) {
                if (!container.path("resources").path(bound).has(resource)) {
                    violations.add(where + ": no " + resource + " in resources." + bound);
                }
            }
        }
    }

    private static void checkSecurity(JsonNode pod, JsonNode container, String where, Violations violations) {
        boolean nonRoot = container.path("runAsNonRoot").asBoolean(pod.path("runAsNonRoot").asBoolean(false));
        long user = container.path("runAsUser").asLong(pod.path("runAsUser").asLong(-1));
        if (!nonRoot || user == 0) {
            violations.add(where + ": runs as root (runAsNonRoot must be true and runAsUser not 0)");
        }
        if (!container.path("readOnlyRootFilesystem").asBoolean(false)) {
            violations.add(where + ": root filesystem is writable");
        }
        if (container.path("allowPrivilegeEscalation").asBoolean(true)) {
            violations.add(where + ": privilege escalation allowed");
        }
        boolean dropsAll = false;
        for (JsonNode capability : container.path("capabilities").path("drop")) {
            dropsAll |= capability.asText().equals("ALL");
        }
        if (!dropsAll || container.path("capabilities").has("add")) {
            violations.add(where + ": capabilities must drop ALL and add none");
        }
        if (!"RuntimeDefault".equals(pod.path("seccompProfile").path("type").asText(
                container.path("seccompProfile").path("type").asText()))) {
            violations.add(where + ": no RuntimeDefault seccomp profile");
        }
    }
}

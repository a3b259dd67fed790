package org.talentindex.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.talentindex.deploy.kustomize.Yaml;
import org.talentindex.deploy.validation.ManifestObjects;
import org.talentindex.deploy.validation.Violations;

/** Each check bites: one defect put into the rendered prod overlay makes validation report it. */
class ValidationRulesTest {

    @Test
    void anUnknownFieldInAKubernetesObjectFails() {
        assertReported("unknown field [imagePullPolice]", objects ->
                container(objects, "scoring-service").put("imagePullPolice", "Always"));
    }

    @Test
    void anUnknownFieldInAStrimziObjectFails() {
        assertReported("unknown field [partitons]", objects ->
                object(objects, "KafkaTopic", "score-updates").with("spec").put("partitons", 6));
    }

    @Test
    void anUnknownFieldInAPostgresClusterFails() {
        assertReported("unknown field", objects ->
                object(objects, "Cluster", "talent-index-postgres").with("spec").put("instance", 2));
    }

    @Test
    void aMissingProbeFails() {
        assertReported("missing probe readinessProbe", objects ->
                container(objects, "ingestion-service").remove("readinessProbe"));
    }

    @Test
    void aProbeOnTheApiPortFails() {
        assertReported("readinessProbe must call port management", objects ->
                container(objects, "scoring-service").with("readinessProbe").with("httpGet").put("port", "http"));
    }

    @Test
    void aServiceExposingTheManagementPortFails() {
        assertReported("Service reporting-service exposes the management port", objects ->
                ((ArrayNode) object(objects, "Service", "reporting-service").at("/spec/ports")).addObject()
                        .put("name", "management").put("port", 9000).put("targetPort", "management"));
    }

    @Test
    void aManagementPortOpenBeyondMonitoringFails() {
        assertReported("NetworkPolicy ingestion-service lets more than Prometheus reach the management port", objects ->
                ((ArrayNode) object(objects, "NetworkPolicy", "ingestion-service").at("/spec/ingress")).addObject()
                        .putArray("ports").addObject().put("protocol", "TCP").put("port", 9000));
        assertReported("NetworkPolicy reporting-service lets more than Prometheus reach the management port", objects ->
                ((ArrayNode) object(objects, "NetworkPolicy", "reporting-service").at("/spec/ingress")).addObject()
                        .putArray("from").addObject().putObject("podSelector"));
    }

    @Test
    void metricsNotScrapedFromTheManagementPortFail() {
        assertReported("no PodMonitor scrapes /q/metrics on port management", objects ->
                ((ObjectNode) object(objects, "PodMonitor", "talent-index-services").at("/spec/podMetricsEndpoints/0"))
                        .put("port", "http"));
    }

    @Test
    void aContainerRunningAsRootFails() {
        assertReported("runs as root", objects -> {
            container(objects, "reporting-service").with("securityContext").put("runAsNonRoot", false);
        });
        assertReported("runs as root", objects ->
                container(objects, "reporting-service").with("securityContext").put("runAsUser", 0));
    }

    @Test
    void aSecretWithALiteralValueFails() {
        assertReported("Secret with a literal value", objects -> objects.add((ObjectNode) Yaml.readDocuments("""
                apiVersion: v1
                kind: Secret
                metadata: {name: postgres-scoring, namespace: talent-index}
                stringData: {username: scoring, password: not-a-real-password}
                """).get(0)));
    }

    @Test
    void aLiteralCredentialInAnEnvironmentVariableFails() {
        assertReported("literal value for credential QUARKUS_DATASOURCE_PASSWORD", objects -> {
            for (JsonNode variable : container(objects, "scoring-service").path("env")) {
                if (variable.path("name").asText().equals("QUARKUS_DATASOURCE_PASSWORD")) {
                    ((ObjectNode) variable).remove("valueFrom");
                    ((ObjectNode) variable).put("value", "not-a-real-password");
                }
            }
        });
    }

    @Test
    void aTopicNotInTheAsyncApiDocumentFails() {
        assertReported("topic not in the AsyncAPI document", objects ->
                object(objects, "KafkaTopic", "score-updates").with("spec").put("topicName", "score-update"));
    }

    @Test
    void anEnvironmentVariableTheServiceDoesNotReadFails() {
        assertReported("TALENTINDEX_FRAMEWORK_DIR is not a configuration name scoring-service reads", objects ->
                env(container(objects, "scoring-service")).addObject().put("name", "TALENTINDEX_FRAMEWORK_DIR")
                        .put("value", "/deployments/frameworks"));
    }

    @Test
    void aConfigMapKeyTheServicesDoNotReadFails() {
        assertReported("KAFKA_BOOTSTRAP_SERVER is not a configuration name", objects ->
                object(objects, "ConfigMap", "service-common-config").with("data")
                        .put("KAFKA_BOOTSTRAP_SERVER", "elsewhere:9093"));
    }

    @Test
    void aMissingRequiredSettingFails() {
        assertReported("TALENTINDEX_SECURITY_API_KEYS is not set", objects -> {
            ArrayNode env = env(container(objects, "ingestion-service"));
            for (int index = env.size() - 1; index >= 0; index--) {
                if (env.get(index).path("name").asText().equals("TALENTINDEX_SECURITY_API_KEYS")) {
                    env.remove(index);
                }
            }
        });
    }

    @Test
    void anAclBeyondWhatTheServiceConfiguresFails() {
        assertReported("topic ACLs", objects -> {
            ObjectNode acl = ((ArrayNode) object(objects, "KafkaUser", "reporting-service").at("/spec/authorization/acls"))
                    .addObject();
            acl.putObject("resource").put("type", "topic").put("name", "indicator-updates").put("patternType", "literal");
            acl.putArray("operations").add("Read");
        });
    }

    @Test
    void anAutoscalerBeyondThePartitionsFails() {
        assertReported("replicas must lie in 2..12", objects ->
                object(objects, "HorizontalPodAutoscaler", "scoring-service").with("spec").put("maxReplicas", 20));
    }

    @Test
    void anUnvalidatedKindFails() {
        assertReported("has no model or schema", objects -> objects.add((ObjectNode) Yaml.readDocuments("""
                apiVersion: example.org/v1
                kind: Widget
                metadata: {name: anything}
                """).get(0)));
    }

    private static void assertReported(String expected, Consumer<List<ObjectNode>> defect) {
        List<ObjectNode> objects = new ArrayList<>(RenderedOverlays.render(RenderedOverlays.overlay("prod")));
        defect.accept(objects);
        Violations violations = RenderedOverlays.validator().validate(objects);
        assertTrue(violations.any(expected), "expected a violation containing '" + expected + "', got:\n" + violations);
    }

    private static ObjectNode object(List<ObjectNode> objects, String kind, String name) {
        return ManifestObjects.find(objects, kind, name).orElseThrow();
    }

    private static ObjectNode container(List<ObjectNode> objects, String deployment) {
        return (ObjectNode) ManifestObjects.containers(object(objects, "Deployment", deployment)).get(0);
    }

    private static ArrayNode env(ObjectNode container) {
        return (ArrayNode) container.path("env");
    }
}

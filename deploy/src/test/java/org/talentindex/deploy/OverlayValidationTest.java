package org.talentindex.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.talentindex.deploy.validation.ManifestObjects;
import org.talentindex.deploy.validation.ServiceConfiguration;
import org.talentindex.deploy.validation.Violations;

/** Every overlay renders, and every object of it passes every check. */
class OverlayValidationTest {

    static List<Path> overlays() {
        return RepositoryLayout.overlays();
    }

    @Test
    void theExpectedOverlaysExist() {
        Set<String> names = overlays().stream().map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("dev", "prod", "prod-lag-autoscaling")), names.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyObjectOfTheOverlayIsValid(Path overlay) {
        List<ObjectNode> objects = RenderedOverlays.render(overlay);
        assertFalse(objects.isEmpty());
        Violations violations = RenderedOverlays.validator().validate(objects);
        assertTrue(violations.all().isEmpty(), overlay.getFileName() + ":\n" + violations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theFrameworksConfigMapHoldsEveryFrameworkFile(Path overlay) throws IOException {
        Set<String> files;
        try (Stream<Path> entries = Files.list(RepositoryLayout.frameworksDirectory())) {
            files = entries.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        ObjectNode configMap = ManifestObjects.ofKind(RenderedOverlays.render(overlay), "ConfigMap").stream()
                .filter(object -> ManifestObjects.nameOf(object).startsWith("frameworks-")).findFirst().orElseThrow();
        Set<String> keys = new TreeSet<>();
        configMap.path("data").fieldNames().forEachRemaining(keys::add);
        assertEquals(files, keys, "copy each frameworks/*.yaml to deploy/base/frameworks/ and list it in"
                + " deploy/base/kustomization.yaml (configMapGenerator)");
        for (String file : files) {
            assertEquals(Files.readString(RepositoryLayout.frameworksDirectory().resolve(file)),
                    configMap.path("data").path(file).asText(),
                    "deploy/base/frameworks/" + file + " differs from frameworks/" + file + ": copy it again");
        }
    }

    /**
     * Every KafkaUser's ACLs, operation by operation. The services: what each consumes and produces, and what it needs
     * to recover (the scoring outbox relay reads the tail of score-updates without a group after taking over from a
     * crashed instance; no service uses transactions). Outside the cluster: an external producer only writes
     * observations, a downstream consumer only reads index-reports in groups named downstream-….
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theKafkaUsersGrantExactlyWhatEachClientNeeds(Path overlay) {
        Map<String, Map<String, Set<String>>> expected = Map.of(
                "ingestion-service", Map.of(
                        "topic literal indicator-observations", Set.of("Read", "Describe"),
                        "group literal ingestion-service", Set.of("Read", "Describe"),
                        "topic literal indicator-updates", Set.of("Write", "Describe"),
                        "topic literal indicator-observations.dlq", Set.of("Write", "Describe")),
                "scoring-service", Map.of(
                        "topic literal indicator-updates", Set.of("Read", "Describe"),
                        "group literal scoring-service", Set.of("Read", "Describe"),
                        "topic literal score-updates", Set.of("Write", "Read", "Describe")),
                "reporting-service", Map.of(
                        "topic literal score-updates", Set.of("Read", "Describe"),
                        "group literal reporting-service", Set.of("Read", "Describe"),
                        "topic literal index-reports", Set.of("Write", "Describe")),
                "external-producer", Map.of(
                        "topic literal indicator-observations", Set.of("Write", "Describe")),
                "downstream-consumer", Map.of(
                        "topic literal index-reports", Set.of("Read", "Describe"),
                        "group prefix downstream-", Set.of("Read")));
        List<ObjectNode> objects = RenderedOverlays.render(overlay);
        assertEquals(new TreeSet<>(expected.keySet()), ManifestObjects.ofKind(objects, "KafkaUser").stream()
                .map(ManifestObjects::nameOf).collect(Collectors.toCollection(TreeSet::new)));
        expected.forEach((user, acls) -> {
            ObjectNode kafkaUser = ManifestObjects.find(objects, "KafkaUser", user).orElseThrow();
            assertEquals("scram-sha-512", kafkaUser.at("/spec/authentication/type").asText(), user);
            Map<String, Set<String>> granted = new TreeMap<>();
            for (JsonNode acl : kafkaUser.at("/spec/authorization/acls")) {
                Set<String> operations = new TreeSet<>();
                acl.path("operations").forEach(operation -> operations.add(operation.asText()));
                granted.put(acl.at("/resource/type").asText() + " " + acl.at("/resource/patternType").asText("literal")
                        + " " + acl.at("/resource/name").asText(), operations);
            }
            assertEquals(new TreeMap<>(acls), granted, "ACLs of KafkaUser " + user);
        });
    }

    /** The listener for clients outside the cluster encrypts and authenticates; the services' listener stays internal. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theExternalKafkaListenerUsesTlsAndScramAuthentication(Path overlay) {
        ObjectNode kafka = ManifestObjects.find(RenderedOverlays.render(overlay), "Kafka", "talent-index-kafka").orElseThrow();
        Map<String, JsonNode> listeners = new TreeMap<>();
        kafka.at("/spec/kafka/listeners").forEach(listener -> listeners.put(listener.path("name").asText(), listener));
        assertEquals(Set.of("tls", "external"), listeners.keySet());
        assertEquals("internal", listeners.get("tls").path("type").asText());
        JsonNode external = listeners.get("external");
        assertTrue(Set.of("loadbalancer", "nodeport", "ingress").contains(external.path("type").asText()), external.toString());
        assertTrue(external.path("tls").asBoolean(), "external listener without TLS");
        assertEquals("scram-sha-512", external.at("/authentication/type").asText(), "external listener authentication");
        assertEquals("simple", kafka.at("/spec/kafka/authorization/type").asText(), "ACLs are enforced");
    }

    /** Reporting (pages and reports API) and the ingestion upload API are reachable over HTTPS only; scoring is not. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyReportingAndTheUploadApiAreExposedAndOnlyOverTls(Path overlay) {
        Map<String, Set<String>> pathsByService = new TreeMap<>();
        for (ObjectNode ingress : ManifestObjects.ofKind(RenderedOverlays.render(overlay), "Ingress")) {
            Set<String> tlsHosts = new TreeSet<>();
            ingress.at("/spec/tls").forEach(tls -> {
                assertFalse(tls.path("secretName").asText().isEmpty(), ManifestObjects.describe(ingress) + ": TLS without a Secret");
                tls.path("hosts").forEach(host -> tlsHosts.add(host.asText()));
            });
            for (JsonNode rule : ingress.at("/spec/rules")) {
                assertTrue(tlsHosts.contains(rule.path("host").asText()),
                        ManifestObjects.describe(ingress) + ": host " + rule.path("host").asText() + " without TLS");
                rule.at("/http/paths").forEach(path -> pathsByService.computeIfAbsent(
                        path.at("/backend/service/name").asText(), service -> new TreeSet<>()).add(path.path("path").asText()));
            }
        }
        assertEquals(Map.of("reporting-service", Set.of("/"), "ingestion-service", Set.of("/api/observations")),
                pathsByService);
    }

    /** Consumer-lag autoscaling watches each service's own consumer group on the topic it consumes. */
    @Test
    void lagAutoscalingWatchesEachServicesConsumerGroup() {
        List<ObjectNode> objects = RenderedOverlays.render(RenderedOverlays.overlay("prod-lag-autoscaling"));
        Map<String, String> consumedTopics = Map.of("ingestion-service", "indicator-observations",
                "scoring-service", "indicator-updates", "reporting-service", "score-updates");
        String exportedGroups = ManifestObjects.find(objects, "Kafka", "talent-index-kafka").orElseThrow()
                .at("/spec/kafkaExporter/groupRegex").asText();
        consumedTopics.forEach((service, topic) -> {
            String group = ServiceConfiguration.read(service, RepositoryLayout.applicationProperties(service))
                    .value("talentindex.consumer.group-id");
            assertTrue(group.matches(exportedGroups), group + " is not exported by the Kafka Exporter");
            JsonNode selectors = null;
            for (JsonNode metric : ManifestObjects.find(objects, "HorizontalPodAutoscaler", service).orElseThrow().at("/spec/metrics")) {
                if (metric.at("/external/metric/name").asText().equals("kafka_consumergroup_lag")) {
                    selectors = metric.at("/external/metric/selector/matchLabels");
                }
            }
            assertTrue(selectors != null, service + " does not scale on consumer lag");
            assertEquals(group, selectors.path("consumergroup").asText(), service);
            assertEquals(topic, selectors.path("topic").asText(), service);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesRunImagesWithARegistryAndAFixedTag(Path overlay) {
        for (ObjectNode deployment : ManifestObjects.ofKind(RenderedOverlays.render(overlay), "Deployment")) {
            for (var container : ManifestObjects.containers(deployment)) {
                String image = container.path("image").asText();
                String tag = image.substring(image.lastIndexOf('/') + 1);
                assertTrue(image.indexOf('/') > 0 && image.substring(0, image.indexOf('/')).contains("."),
                        image + " names no registry");
                assertTrue(tag.contains(":") && !tag.endsWith(":latest"), image + " has no fixed tag");
            }
        }
    }
}

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
        assertEquals(files, keys, "list each frameworks/*.yaml in deploy/base/kustomization.yaml (configMapGenerator)");
        for (String file : files) {
            assertEquals(Files.readString(RepositoryLayout.frameworksDirectory().resolve(file)),
                    configMap.path("data").path(file).asText());
        }
    }

    /**
     * Each service's ACLs, operation by operation: what it consumes and produces, and what it needs to recover. The
     * scoring outbox relay reads the tail of score-updates without a group after taking over from a crashed instance;
     * no service uses transactions.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theKafkaUsersGrantWhatTheServicesAndTheirRecoveryNeed(Path overlay) {
        Map<String, Map<String, Set<String>>> expected = Map.of(
                "ingestion-service", Map.of(
                        "topic indicator-observations", Set.of("Read", "Describe"),
                        "group ingestion-service", Set.of("Read", "Describe"),
                        "topic indicator-updates", Set.of("Write", "Describe"),
                        "topic indicator-observations.dlq", Set.of("Write", "Describe")),
                "scoring-service", Map.of(
                        "topic indicator-updates", Set.of("Read", "Describe"),
                        "group scoring-service", Set.of("Read", "Describe"),
                        "topic score-updates", Set.of("Write", "Read", "Describe")),
                "reporting-service", Map.of(
                        "topic score-updates", Set.of("Read", "Describe"),
                        "group reporting-service", Set.of("Read", "Describe"),
                        "topic index-reports", Set.of("Write", "Describe")));
        List<ObjectNode> objects = RenderedOverlays.render(overlay);
        expected.forEach((user, acls) -> {
            Map<String, Set<String>> granted = new TreeMap<>();
            for (JsonNode acl : ManifestObjects.find(objects, "KafkaUser", user).orElseThrow().at("/spec/authorization/acls")) {
                Set<String> operations = new TreeSet<>();
                acl.path("operations").forEach(operation -> operations.add(operation.asText()));
                granted.put(acl.at("/resource/type").asText() + " " + acl.at("/resource/name").asText(), operations);
            }
            assertEquals(new TreeMap<>(acls), granted, "ACLs of KafkaUser " + user);
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

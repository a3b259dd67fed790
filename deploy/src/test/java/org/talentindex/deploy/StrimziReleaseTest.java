package org.talentindex.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.talentindex.deploy.validation.ManifestObjects;

/**
 * The manifests are pinned to one Strimzi release (the version of the Strimzi API model that validates them), and the
 * Kafka version they ask for is one that release runs.
 */
class StrimziReleaseTest {

    /** Kafka versions each Strimzi release supports, from the release's kafka-versions.yaml. */
    private static final Map<String, Set<String>> SUPPORTED_KAFKA_VERSIONS = Map.of(
            "0.49.0", Set.of("4.0.0", "4.0.1", "4.1.0", "4.1.1"),
            "0.50.0", Set.of("4.0.0", "4.0.1", "4.1.0", "4.1.1"),
            "0.51.0", Set.of("4.1.0", "4.1.1", "4.2.0"));

    private static final String PINNED_RELEASE = System.getProperty("talentindex.strimzi.release", "undefined");

    static List<Path> overlays() {
        return RepositoryLayout.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theKafkaVersionIsOneThePinnedStrimziReleaseSupports(Path overlay) {
        assertTrue(SUPPORTED_KAFKA_VERSIONS.containsKey(PINNED_RELEASE),
                "add the Kafka versions Strimzi " + PINNED_RELEASE + " supports to this test");
        String version = kafkaVersion(overlay);
        assertTrue(SUPPORTED_KAFKA_VERSIONS.get(PINNED_RELEASE).contains(version),
                "Strimzi " + PINNED_RELEASE + " does not run Kafka " + version + "; it supports "
                        + SUPPORTED_KAFKA_VERSIONS.get(PINNED_RELEASE));
    }

    @Test
    void theDeploymentGuideStatesThePinnedStrimziReleaseAndKafkaVersion() throws IOException {
        String guide = Files.readString(RepositoryLayout.root().resolve("deploy/README.md"));
        assertTrue(guide.contains("Strimzi cluster operator | " + PINNED_RELEASE + " "),
                "deploy/README.md must name Strimzi " + PINNED_RELEASE + " in its prerequisites");
        String version = kafkaVersion(RenderedOverlays.overlay("prod"));
        assertTrue(guide.contains("Kafka " + version), "deploy/README.md must name Kafka " + version);
    }

    private static String kafkaVersion(Path overlay) {
        return ManifestObjects.find(RenderedOverlays.render(overlay), "Kafka", "talent-index-kafka").orElseThrow()
                .at("/spec/kafka/version").asText();
    }
}

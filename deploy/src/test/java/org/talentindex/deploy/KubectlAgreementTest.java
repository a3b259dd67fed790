package org.talentindex.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.talentindex.deploy.kustomize.Yaml;
import org.talentindex.deploy.validation.ManifestObjects;

/**
 * Where kubectl is installed, its kustomize renders every overlay, with its default load rules, to the same objects
 * as the renderer the other tests use (which needs nothing installed). Skipped where there is no kubectl.
 */
class KubectlAgreementTest {

    static List<Path> overlays() {
        return RepositoryLayout.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kubectlKustomizeRendersTheSameObjects(Path overlay) throws Exception {
        assumeTrue(kubectlInstalled(), "kubectl is not installed");
        Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), errors);
        Map<String, ObjectNode> expected = byIdentity(Yaml.readDocuments(output));
        Map<String, ObjectNode> rendered = byIdentity(RenderedOverlays.render(overlay));
        assertEquals(expected.keySet(), rendered.keySet());
        List<String> differences = new ArrayList<>();
        expected.forEach((identity, object) -> JsonDifference.between(object, rendered.get(identity), identity, differences));
        assertTrue(differences.isEmpty(), String.join("\n", differences));
    }

    private static Map<String, ObjectNode> byIdentity(List<ObjectNode> objects) {
        Map<String, ObjectNode> byIdentity = new TreeMap<>();
        for (ObjectNode object : objects) {
            byIdentity.put(ManifestObjects.typeOf(object) + " " + ManifestObjects.nameOf(object), object);
        }
        return byIdentity;
    }

    static boolean kubectlInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
    }
}

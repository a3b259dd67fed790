package org.talentindex.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talentindex.deploy.kustomize.KustomizeRenderer;

/** The renderer refuses what kustomize's default load rules refuse: a file outside the kustomization's directory. */
class KustomizeLoadRulesTest {

    @TempDir
    Path workspace;

    @Test
    void aGeneratorFileOutsideTheKustomizationIsRefused() throws Exception {
        Files.writeString(workspace.resolve("outside.yaml"), "id: outside\n");
        Path overlay = kustomization("overlay", """
                configMapGenerator:
                  - name: frameworks
                    files:
                      - ../outside.yaml
                """);
        assertRefused(overlay);
    }

    @Test
    void aSymbolicLinkLeadingOutsideTheKustomizationIsRefused() throws Exception {
        Files.writeString(workspace.resolve("outside.yaml"), "id: outside\n");
        Path overlay = kustomization("overlay", """
                configMapGenerator:
                  - name: frameworks
                    files:
                      - linked.yaml
                """);
        Files.createSymbolicLink(overlay.resolve("linked.yaml"), workspace.resolve("outside.yaml"));
        assertRefused(overlay);
    }

    @Test
    void aKustomizationDirectoryElsewhereAndFilesWithinAreRendered() throws Exception {
        Path base = kustomization("base", """
                configMapGenerator:
                  - name: frameworks
                    files:
                      - frameworks/inside.yaml
                """);
        Files.createDirectories(base.resolve("frameworks"));
        Files.writeString(base.resolve("frameworks/inside.yaml"), "id: inside\n");
        Path overlay = kustomization("overlays/dev", """
                resources:
                  - ../../base
                """);
        List<ObjectNode> objects = new KustomizeRenderer().render(overlay);
        assertEquals("id: inside\n", objects.get(0).at("/data/inside.yaml").asText());
        if (KubectlAgreementTest.kubectlInstalled()) {
            assertEquals(0, kubectlKustomize(overlay));
        }
    }

    private void assertRefused(Path overlay) throws Exception {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> new KustomizeRenderer().render(overlay));
        assertTrue(refusal.getMessage().contains("outside the kustomization root"), refusal.getMessage());
        assumeTrue(KubectlAgreementTest.kubectlInstalled(), "kubectl is not installed");
        assertNotEquals(0, kubectlKustomize(overlay), "kubectl kustomize rendered what the renderer refuses");
    }

    private Path kustomization(String directory, String body) throws Exception {
        Path path = Files.createDirectories(workspace.resolve(directory));
        Files.writeString(path.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                """ + body);
        return path;
    }

    private static int kubectlKustomize(Path overlay) throws Exception {
        Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        return process.exitValue();
    }
}

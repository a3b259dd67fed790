package org.talentindex.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkDirectoryTest {

    @TempDir
    Path directory;

    private final BlockingQueue<FrameworkCatalogue> loaded = new LinkedBlockingQueue<>();
    private final BlockingQueue<FrameworkCatalogueException> refused = new LinkedBlockingQueue<>();

    @Test
    void aNewDefinitionIsPickedUpAndABadOneRefusedWhileThePreviousStaysInForce() throws Exception {
        Files.writeString(directory.resolve("demo.yaml"), FrameworkLoaderTest.MINIMAL);
        try (FrameworkDirectory frameworks = FrameworkDirectory.watch(directory, loaded::add, refused::add)) {
            assertEquals(List.of("demo"), ids(next(loaded)));

            Files.writeString(directory.resolve("other.yml"), FrameworkLoaderTest.MINIMAL.replace("id: demo", "id: other"));
            assertEquals(List.of("demo", "other"), ids(next(loaded)));

            Files.writeString(directory.resolve("broken.yaml"), FrameworkLoaderTest.MINIMAL.replace("id: demo", "id: broken")
                    .replace("method: composite", "method: magic"));
            assertTrue(next(refused).problems().get(0).startsWith("broken.yaml:3: "));
            assertEquals(List.of("demo", "other"), ids(frameworks.current()));

            Files.delete(directory.resolve("broken.yaml"));
            assertEquals(List.of("demo", "other"), ids(next(loaded)));
        }
    }

    @Test
    void aDirectoryThatDoesNotLoadAtTheStartIsRefusedAtOnce() throws IOException {
        Files.writeString(directory.resolve("broken.yaml"), FrameworkLoaderTest.MINIMAL.replace("method: composite", "method: magic"));
        assertThrows(FrameworkCatalogueException.class, () -> FrameworkDirectory.watch(directory, loaded::add, refused::add));
    }

    private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(30, TimeUnit.SECONDS);
        assertTrue(item != null, "nothing within 30 s");
        return item;
    }

    private static List<String> ids(FrameworkCatalogue catalogue) {
        return catalogue.frameworks().stream().map(Framework::id).toList();
    }
}

package org.talentindex.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JVM started by the load generator (Kafka's tools, the broker), on this JDK and the load generator's libraries. */
final class ChildJvm {

    private ChildJvm() {
    }

    static ProcessBuilder of(List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", libraryDirectory().resolve("*").toString(), mainClass));
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }

    /** The lib/ folder next to this runnable jar, which holds kafka-tools, the broker and their dependencies. */
    private static Path libraryDirectory() {
        try {
            Path jar = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("lib");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

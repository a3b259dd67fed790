package org.talentindex.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.talentindex.testsupport.EmbeddedKafkaBroker;

/**
 * The embedded Kafka broker in a JVM of its own, with the heap settings of Kafka's start script, so that neither its
 * garbage collections nor the load generator's pause the other. It stops when this JVM closes it or exits.
 */
final class BrokerProcess implements AutoCloseable {

    private static final List<String> KAFKA_JVM_OPTIONS = List.of("-Xmx1g", "-Xms1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private final Process process;
    private final String bootstrapServers;

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static BrokerProcess start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Process process = ChildJvm.of(KAFKA_JVM_OPTIONS, EmbeddedKafkaBroker.class.getName(), List.of(dataDirectory.toString()))
                .redirectError(dataDirectory.resolve("broker.log").toFile()).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(EmbeddedKafkaBroker.READY_PREFIX)) {
                Thread drain = new Thread(() -> discard(output), "broker-output");
                drain.setDaemon(true);
                drain.start();
                return new BrokerProcess(process, line.substring(EmbeddedKafkaBroker.READY_PREFIX.length()));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The Kafka broker did not start; see " + dataDirectory.resolve("broker.log"));
    }

    private static void discard(BufferedReader output) {
        try {
            output.transferTo(Writer.nullWriter());
        } catch (IOException e) {
            // the broker has stopped
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

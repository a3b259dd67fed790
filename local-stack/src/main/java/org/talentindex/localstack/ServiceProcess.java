package org.talentindex.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service, run from its runnable jar as a child JVM on a port of its own and a management port (health, metrics,
 * OpenAPI, Swagger UI) of its own, with its log in a file.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private static final String DEFAULT_JVM_OPTIONS = "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private Process process;

    private ServiceProcess(String name, int port, int managementPort, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts {@code <home>/<name>/target/quarkus-app/quarkus-run.jar} with the given settings as system properties. */
    public static ServiceProcess start(Path home, String name, int port, int managementPort, Map<String, String> settings,
                                       Path logDirectory) throws IOException {
        Path jar = home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -B package -DskipTests)");
        }
        ServiceProcess service = new ServiceProcess(name, port, managementPort, logDirectory.resolve(name + "-" + port + ".log"));
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(List.of(jvmOptions().trim().split("\\s+")));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        tryItOutReachesTheApi(port, managementPort).forEach((key, value) -> command.add("-D" + key + "=" + value));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        service.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(service.log.toFile()).start();
        return service;
    }

    /**
     * Swagger UI is served on the management port: its "Try it out" sends requests to the API port (the document's
     * server), which allows that origin cross-origin requests (CORS), the API key's header included.
     */
    private static Map<String, String> tryItOutReachesTheApi(int port, int managementPort) {
        return Map.of("quarkus.smallrye-openapi.servers", "http://127.0.0.1:" + port,
                "quarkus.http.cors.enabled", "true",
                "quarkus.http.cors.origins", "http://127.0.0.1:" + managementPort + ",http://localhost:" + managementPort);
    }

    /**
     * JVM options of every service: {@code talentindex.service.jvm-options} (system property) or
     * {@code TALENTINDEX_SERVICE_JVM_OPTIONS}; by default a small heap and C1 only, which start fastest (tests, demo).
     * Benchmarks use the full JIT.
     */
    private static String jvmOptions() {
        String configured = System.getProperty("talentindex.service.jvm-options", System.getenv("TALENTINDEX_SERVICE_JVM_OPTIONS"));
        return configured == null || configured.isBlank() ? DEFAULT_JVM_OPTIONS : configured;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health, metrics, OpenAPI and Swagger UI (the jars are built with the production profile). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public ServiceProcess awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully) and waits; kills it if it does not. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the JVM at once, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}

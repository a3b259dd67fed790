package org.talentindex.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.talentindex.testsupport.LocalInfrastructure;

/**
 * Kafka, PostgreSQL and the three services on this machine: the demo and the end-to-end tests run on it. It stops when
 * closed, and when its JVM exits without closing it (a kill or Ctrl-C), so that no service or server outlives it.
 */
public final class Stack implements AutoCloseable {

    private static final int DEMO_REQUESTS_PER_MINUTE = 60_000;

    public static final List<String> SERVICES = List.of("ingestion-service", "scoring-service", "reporting-service");

    private final Path home;
    private final Path frameworks;
    private final Path workDirectory;
    private final LocalInfrastructure infrastructure;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** The API key (every role) of ingestion-service and scoring-service, sent as X-API-Key; new at every start. */
    private final String apiKey = java.util.UUID.randomUUID().toString();
    private final Thread stopAtExit = new Thread(this::close, "stack-stop-at-exit");
    private boolean closed;

    private Stack(Path home, Path frameworks, Path workDirectory, LocalInfrastructure infrastructure) {
        this.home = home;
        this.frameworks = frameworks;
        this.workDirectory = workDirectory;
        this.infrastructure = infrastructure;
    }

    /** All three services with the project's frameworks. */
    public static Stack start(Path workDirectory, Consumer<String> progress) throws IOException, InterruptedException {
        return start(workDirectory, projectHome().resolve("frameworks"), SERVICES, progress);
    }

    public static Stack start(Path workDirectory, Path frameworks, List<String> services, Consumer<String> progress)
            throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        progress.accept("Starting Kafka (KRaft) and PostgreSQL in " + workDirectory);
        Stack stack = new Stack(projectHome(), frameworks, workDirectory, LocalInfrastructure.start(workDirectory));
        Runtime.getRuntime().addShutdownHook(stack.stopAtExit);
        try {
            progress.accept("Kafka at " + stack.infrastructure.bootstrapServers());
            List<ServiceProcess> starting = new ArrayList<>();
            for (String service : services) {
                progress.accept("Starting " + service);
                starting.add(stack.startService(service));
            }
            for (ServiceProcess service : starting) {
                service.awaitReady(Duration.ofMinutes(3));
                progress.accept(service.name() + " ready at " + service.url());
            }
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private ServiceProcess startService(String service) throws IOException {
        return startService(service, Map.of());
    }

    private ServiceProcess startService(String service, Map<String, String> extraSettings) throws IOException {
        String database = service.substring(0, service.indexOf('-'));
        Map<String, String> settings = new LinkedHashMap<>(infrastructure.serviceConfig(database));
        settings.put("talentindex.frameworks.dir", frameworks.toString());
        if (service.equals("ingestion-service") || service.equals("scoring-service")) {
            settings.put("talentindex.security.api-keys", "demo:" + apiKey);
            // the stack's one client loads samples and scripts against it: a budget of its own, not a shared service's
            settings.put("talentindex.security.rate-limit.overrides", "demo=" + DEMO_REQUESTS_PER_MINUTE);
        }
        if (service.equals("reporting-service") && services.containsKey("scoring-service")) {
            settings.put("talentindex.scoring.url", services.get("scoring-service").url());
        }
        settings.putAll(extraSettings);
        ServiceProcess process = ServiceProcess.start(home, service, freePort(), freePort(), settings, workDirectory);
        services.put(service, process);
        return process;
    }

    /** Starts a service again after {@link ServiceProcess#kill()} or close, on a new port. */
    public ServiceProcess restart(String service) throws IOException, InterruptedException {
        return restart(service, Map.of());
    }

    /** Starts a service again with settings of its own added (or changed). */
    public ServiceProcess restart(String service, Map<String, String> extraSettings) throws IOException, InterruptedException {
        services.get(service).close();
        return startService(service, extraSettings).awaitReady(Duration.ofMinutes(3));
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public String apiKey() {
        return apiKey;
    }

    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    public Path home() {
        return home;
    }

    /** The project folder: the nearest folder upwards that holds {@code frameworks/}. */
    public static Path projectHome() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("frameworks"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the project: no frameworks/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != stopAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException exiting) {
                // the JVM is exiting: the hook waits for this close and then finds the stack closed
            }
        }
        List<ServiceProcess> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        running.forEach(ServiceProcess::close);
        infrastructure.close();
    }
}

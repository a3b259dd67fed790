package org.talentindex.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for scoring-service's read API (GET /api/scores/{frameworkId}/{period}) during tests: serves the snapshots a
 * test hands it and answers 404 for any other framework-period. Points talentindex.scoring.url at itself.
 */
public class ScoringStub implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "/api/scores/";
    private static final Map<String, String> SNAPSHOTS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> REQUESTS = new ConcurrentHashMap<>();

    private HttpServer server;

    /** Serves this JSON body for frameworkId/period from now on. */
    public static void serve(String key, String json) {
        SNAPSHOTS.put(key, json);
    }

    public static int requests(String key) {
        return REQUESTS.getOrDefault(key, 0);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PREFIX, exchange -> {
            String key = exchange.getRequestURI().getPath().substring(PREFIX.length());
            REQUESTS.merge(key, 1, Integer::sum);
            String body = SNAPSHOTS.get(key);
            byte[] bytes = (body == null ? "{\"error\":\"no scores\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("talentindex.scoring.url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

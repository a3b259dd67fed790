package org.talentindex.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON answers of the running services, for the tests of the whole platform. */
final class JsonAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JsonAnswers() {
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks again every half second until an answer 200 satisfies the condition; fails with the last answer seen. */
    static JsonNode await(HttpRequest request, Duration timeout, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                last = read(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(500);
        }
        String lastSeen = String.valueOf(last);
        throw new AssertionError(request.uri() + " did not reach the expected state within " + timeout + "; last seen: "
                + (lastSeen.length() > 400 ? lastSeen.substring(0, 400) + "…" : lastSeen));
    }
}

package org.talentindex.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.talentindex.scoring.whatif.WhatIfConfig;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;
import org.talentindex.testsupport.TopicRecords;

/** What-if requests are limited in size and in number at once, and a flood of them leaves scoring consuming. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class WhatIfLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAMEWORK = "jjj-talent-development";
    private static final Set<Integer> BOUNDED_ANSWERS = Set.of(200, 413, 429, 503);

    @TestHTTPResource("/api/what-if")
    URI whatIf;

    @Inject
    WhatIfConfig config;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aFloodOfMaximumSizeRequestsIsAnsweredWithinBoundsWhileScoringGoesOn() throws Exception {
        byte[] body = requestOfSize(maxBodySize());
        List<CompletableFuture<HttpResponse<String>>> flood = IntStream.range(0, 30)
                .mapToObj(i -> http.sendAsync(post(body), HttpResponse.BodyHandlers.ofString())).toList();

        String period = "2041";
        sendUpdates(period);
        await("a score update of " + FRAMEWORK + "/" + period + " published during the flood").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TopicRecords.frameworkPeriods(LocalInfrastructure.shared().bootstrapServers(), "score-updates").contains(FRAMEWORK + "/" + period));

        CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<HttpResponse<String>> answers = flood.stream().map(CompletableFuture::join).toList();
        for (HttpResponse<String> answer : answers) {
            assertTrue(BOUNDED_ANSWERS.contains(answer.statusCode()), answer.statusCode() + ": " + answer.body());
            if (answer.statusCode() == 503) {
                assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "503 without Retry-After");
            }
        }
        assertTrue(answers.stream().anyMatch(answer -> answer.statusCode() == 200), "some of the flood evaluated");
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> answer = http.send(post(requestOfSize(maxBodySize() + 1)), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("BODY_TOO_LARGE", JSON.readTree(answer.body()).path("problems").path(0).path("reason").asText());
    }

    @Test
    void aBodyOfUndeclaredLengthIsRefusedOnceItExceedsTheLimit() throws Exception {
        byte[] body = requestOfSize(maxBodySize() + 1000);
        HttpRequest chunked = HttpRequest.newBuilder(whatIf).header("Content-Type", "application/json").header("X-API-Key", "test-operator-key")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> answer = http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("BODY_TOO_LARGE", JSON.readTree(answer.body()).path("problems").path(0).path("reason").asText());
    }

    private int maxBodySize() {
        return (int) config.maxBodySize().asLongValue();
    }

    private HttpRequest post(byte[] body) {
        return HttpRequest.newBuilder(whatIf).header("Content-Type", "application/json").header("X-API-Key", "test-operator-key")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** A valid request of exactly {@code size} bytes: the same few cells over and over. */
    private static byte[] requestOfSize(int size) {
        String head = "{\"framework\":\"" + FRAMEWORK + "\",\"values\":[";
        String cell = "{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"value\":115}";
        StringBuilder request = new StringBuilder(size).append(head).append(cell);
        while (request.length() + 1 + cell.length() + 2 <= size) {
            request.append(',').append(cell);
        }
        request.append("]}");
        while (request.length() < size) {
            request.insert(head.length(), ' ');
        }
        return request.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void sendUpdates(String period) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String region : List.of("110000", "120000", "130000")) {
                for (String indicator : List.of("high_skill_talent", "st_talent_rd_fte", "patent_applications")) {
                    String update = JSON.writeValueAsString(Map.of("updateId", UUID.randomUUID().toString(), "frameworkId", FRAMEWORK,
                            "period", period, "region", region, "indicator", indicator, "value", region.charAt(1) + indicator.length(),
                            "unit", "万人", "revision", 1, "source", "test", "receivedAt", "2041-01-01T00:00:00Z"));
                    producer.send(new ProducerRecord<>("indicator-updates", FRAMEWORK, update)).get();
                }
            }
        }
    }
}

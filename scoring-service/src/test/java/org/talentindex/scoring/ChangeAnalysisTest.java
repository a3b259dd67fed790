package org.talentindex.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;
import org.talentindex.testsupport.TopicRecords;

/**
 * A correction's score-update names how much each changed indicator moved each region; settled scores get rank intervals.
 * Memory is limited to a few cells here, so framework-periods are evicted and reloaded all along.
 */
@QuarkusTest
@TestProfile(ChangeAnalysisTest.QuickRankIntervals.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ChangeAnalysisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAMEWORK = "jjj-talent-development";
    private static final String PERIOD = "2033";
    private static final String KEY = FRAMEWORK + "/" + PERIOD;
    private static final String[] REGIONS = {"110000", "120000", "130000"};
    private static final String[] INDICATORS = {"high_skill_talent", "st_talent_rd_fte", "patent_applications"};

    @Inject
    MeterRegistry metrics;

    @Test
    void correctionsAreAttributedAndSettledScoresGetRankIntervals() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            double[][] figures = {{115, 37, 30.7}, {84, 10, 8.4}, {324, 16, 13.7}};
            for (int r = 0; r < 3; r++) {
                for (int i = 0; i < 3; i++) {
                    send(producer, PERIOD, REGIONS[r], INDICATORS[i], figures[r][i], 1);
                }
            }
            JsonNode intervals = awaitRankIntervals();
            assertEquals(3, intervals.size());
            intervals.forEach(region -> assertTrue(region.path("p5").asDouble() <= region.path("median").asDouble()
                    && region.path("median").asDouble() <= region.path("p95").asDouble(), region.toString()));
            int settled = given().get("/api/scores/" + KEY).then().extract().path("version");

            send(producer, "2034", "110000", "high_skill_talent", 100, 1); // another framework-period takes the memory
            send(producer, "120000", "patent_applications", 40, 2);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/scores/" + KEY).then().body("version", equalTo(settled + 1)));
        }
        List<JsonNode> events = scoreUpdates();
        JsonSchema schema = schema();
        events.forEach(event -> assertEquals(Set.of(), schema.validate(event), event.toString()));

        assertTrue(metrics.counter("scoring.state.evictions").count() > 0, "framework-periods were evicted and reloaded");
        JsonNode sensitivityVersion = events.stream().filter(e -> e.has("sensitivity")).findFirst().orElseThrow();
        assertEquals(0, sensitivityVersion.path("changes").size(), "a version of its own");
        assertEquals("sensitivity", sensitivityVersion.path("cause").get(0).asText());

        JsonNode correction = events.get(events.size() - 1);
        assertTrue(correction.path("changes").size() > 0);
        for (JsonNode change : correction.path("changes")) {
            JsonNode attribution = change.path("attribution");
            assertEquals(List.of("patent_applications"), fieldNames(attribution), change.toString());
            double moved = change.path("new").path("score").asDouble() - change.path("old").path("score").asDouble();
            assertEquals(moved, attribution.path("patent_applications").asDouble(), 0.01, "contributions add up to the (rounded) change");
        }
    }

    private static JsonNode awaitRankIntervals() {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode scores = JSON.readTree(given().get("/api/scores/" + KEY).then().extract().asString());
            return scores.path("sensitivity").path("intervals");
        }, intervals -> intervals.size() > 0);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> scoreUpdates() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers(),
                "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("score-updates"));
            long deadline = System.currentTimeMillis() + 10000;
            while (System.currentTimeMillis() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (KEY.equals(TopicRecords.frameworkPeriod(record.value()))) {
                        events.add(JSON.readTree(record.value()));
                    }
                }
                if (!events.isEmpty() && events.get(events.size() - 1).path("changes").path(0).has("attribution")) {
                    break;
                }
            }
        }
        return events;
    }

    /** contracts/schemas/score-update.schema.json */
    static JsonSchema schema() throws Exception {
        try (InputStream in = ChangeAnalysisTest.class.getClassLoader().getResourceAsStream("contracts/schemas/score-update.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static void send(KafkaProducer<String, String> producer, String region, String indicator, double value, int revision) throws Exception {
        send(producer, PERIOD, region, indicator, value, revision);
    }

    private static void send(KafkaProducer<String, String> producer, String period, String region, String indicator, double value, int revision)
            throws Exception {
        String update = JSON.writeValueAsString(Map.of("updateId", UUID.randomUUID().toString(), "frameworkId", FRAMEWORK, "period", period,
                "region", region, "indicator", indicator, "value", value, "unit", "万人", "revision", revision,
                "source", "test", "receivedAt", "2033-01-01T00:00:00Z"));
        producer.send(new ProducerRecord<>("indicator-updates", FRAMEWORK, update)).get();
    }

    public static class QuickRankIntervals implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("talentindex.scoring.sensitivity.enabled", "true", "talentindex.scoring.sensitivity.quiet-period", "1s",
                    "talentindex.scoring.sensitivity.check-every", "1s", "talentindex.scoring.sensitivity.runs", "50",
                    "talentindex.scoring.max-resident-cells", "5");
        }
    }
}

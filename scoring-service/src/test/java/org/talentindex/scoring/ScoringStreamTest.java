package org.talentindex.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;
import org.talentindex.testsupport.TopicRecords;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ScoringStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAMEWORK = "jjj-talent-development";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void publishesVersionedChangesOnlyWhenSomethingChanged() throws Exception {
        String period = "2031";
        String key = FRAMEWORK + "/" + period;
        int settled;
        try (var producer = producer()) {
            double[][] figures = {{115, 37, 30.7}, {84, 10, 8.4}, {324, 16, 13.7}};
            String[] regions = {"110000", "120000", "130000"};
            String[] indicators = {"high_skill_talent", "st_talent_rd_fte", "patent_applications"};
            for (int r = 0; r < 3; r++) {
                for (int i = 0; i < 3; i++) {
                    send(producer, update(period, regions[r], indicators[i], figures[r][i], 1));
                }
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/scores/" + key).then().statusCode(200)
                    .body("regions.findAll { it.rank > 0 }.size()", equalTo(3)));
            settled = given().get("/api/scores/" + key).then().extract().path("version");

            awaitConsumed(send(producer, update(period, "120000", "patent_applications", 999, 1))); // same revision again: ignored
            given().get("/api/scores/" + key).then().body("version", equalTo(settled));

            send(producer, update(period, "120000", "patent_applications", 40, 3)); // correction: Tianjin moves up
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().get("/api/scores/" + key).then().body("version", equalTo(settled + 1))
                            .body("regions.find { it.region == '120000' }.rank", equalTo(2)));
            awaitConsumed(send(producer, update(period, "120000", "patent_applications", 1, 2))); // late, older revision: ignored
            given().get("/api/scores/" + key).then().body("version", equalTo(settled + 1));
        }
        List<JsonNode> events = scoreUpdates(key, settled + 1);
        List<Long> versions = events.stream().map(e -> e.path("version").asLong()).toList();
        assertEquals(java.util.stream.LongStream.rangeClosed(1, settled + 1).boxed().toList(), versions, "one version per change, no gaps");
        JsonNode last = events.get(events.size() - 1);
        List<String> changed = new ArrayList<>();
        last.path("changes").forEach(c -> changed.add(c.path("region").asText()));
        assertTrue(changed.containsAll(List.of("120000", "130000")), "Tianjin and Hebei swapped ranks: " + changed);
        assertEquals(1, last.path("cause").size());
        await("published events leave the outbox").atMost(Duration.ofSeconds(5)).until(() -> outboxEvents() == 0);
    }

    /** The database holds scoring's positions; the consumer group gets the same ones, so lag monitoring sees scoring's progress. */
    @Test
    void theConsumerGroupCommitsThePositionsOfEachProcessedBatch() throws Exception {
        try (var producer = producer()) {
            send(producer, update("2037", "110000", "high_skill_talent", 12, 1));
        }
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of("indicator-updates")).allTopicNames().get().get("indicator-updates").partitions()
                    .forEach(partition -> latest.put(new TopicPartition("indicator-updates", partition.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) -> {
                if (end.offset() > 0) {
                    ends.put(partition, end.offset());
                }
            });
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets("scoring-service").partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> committedEnds = new HashMap<>();
                ends.keySet().forEach(partition -> committedEnds.put(partition,
                        committed.containsKey(partition) ? committed.get(partition).offset() : null));
                assertEquals(ends, committedEnds);
            });
        }
    }

    private long outboxEvents() throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet count = connection.createStatement().executeQuery("select count(*) from outbox_event")) {
            count.next();
            return count.getLong(1);
        }
    }

    @Test
    void aRegionOvertakenWithoutAnyChangeOfItsOwnIsPublishedAsItsNewRankAlone() throws Exception {
        String period = "2035";
        String key = FRAMEWORK + "/" + period;
        try (var producer = producer()) {
            // every column and the composite keep their bounds (110000 top, 140000 bottom) when 120000's value falls
            Map<String, Double> figures = Map.of("110000", 100.0, "120000", 60.0, "130000", 50.0, "140000", 0.0);
            for (var region : figures.entrySet()) {
                for (String indicator : List.of("high_skill_talent", "st_talent_rd_fte", "patent_applications")) {
                    send(producer, update(period, region.getKey(), indicator, region.getValue(), 1));
                }
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/scores/" + key).then()
                    .body("regions.findAll { it.rank > 0 }.size()", equalTo(4)));
            int settled = given().get("/api/scores/" + key).then().extract().path("version");

            send(producer, update(period, "120000", "high_skill_talent", 10, 2));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/scores/" + key).then()
                    .body("version", equalTo(settled + 1))
                    .body("regions.find { it.region == '130000' }.rank", equalTo(2))
                    .body("regions.find { it.region == '130000' }.score", equalTo(50.0f))
                    .body("regions.find { it.region == '120000' }.rank", equalTo(3)));

            List<JsonNode> events = scoreUpdates(key, settled + 1);
            JsonSchema schema = ChangeAnalysisTest.schema();
            events.forEach(event -> assertEquals(Set.of(), schema.validate(event), event.toString()));
            JsonNode last = events.get(events.size() - 1);
            assertEquals(1, last.path("changes").size(), last.toString());
            assertEquals("120000", last.path("changes").get(0).path("region").asText());
            assertEquals(3, last.path("changes").get(0).path("new").path("rank").asInt());
            assertEquals(JSON.readTree("[{\"region\":\"130000\",\"old\":3,\"new\":2}]"), last.path("rankChanges"));
        }
    }

    @Test
    void feedingTheSameUpdatesTwicePublishesNoNewVersion() throws Exception {
        String period = "2032";
        String key = FRAMEWORK + "/" + period;
        try (var producer = producer()) {
            String[] regions = {"110000", "120000", "130000"};
            String[] indicators = {"high_skill_talent", "st_talent_rd_fte", "patent_applications"};
            for (int r = 0; r < 3; r++) {
                for (int i = 0; i < 3; i++) {
                    send(producer, update(period, regions[r], indicators[i], 10 * r + i + 1, 1));
                }
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/scores/" + key).then().statusCode(200)
                    .body("regions.findAll { it.rank > 0 }.size()", equalTo(3)));
            int version = given().get("/api/scores/" + key).then().extract().path("version");
            int published = scoreUpdates(key, version).size();

            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> everything = TopicRecords.upToTheEnd(LocalInfrastructure.shared().bootstrapServers(), "indicator-updates");
            for (var record : everything) {
                producer.send(new ProducerRecord<>("indicator-updates", record.key(), record.value())).get();
            }
            long end = TopicRecords.upToTheEnd(LocalInfrastructure.shared().bootstrapServers(), "indicator-updates").size();
            awaitWhileProgressing(ScoringStreamTest::consumedPositions, end, Duration.ofSeconds(30));
            given().get("/api/scores/" + key).then().body("version", equalTo(version));
            assertEquals(published, scoreUpdates(key, published + 1).size(), "no new score-updates after the replay");
        }
    }

    /**
     * Waits until the value reaches the target for as long as it keeps moving towards it: the replay re-reads every update
     * the test JVM sent so far, which takes a loaded machine a while; fails once the value has stood still for stallAfter.
     */
    private static void awaitWhileProgressing(java.util.function.LongSupplier value, long target, Duration stallAfter) throws InterruptedException {
        long seen = value.getAsLong();
        long stallDeadline = System.nanoTime() + stallAfter.toNanos();
        while (seen != target) {
            assertTrue(System.nanoTime() < stallDeadline, "stuck at " + seen + " of " + target + " for " + stallAfter);
            Thread.sleep(200);
            long now = value.getAsLong();
            if (now != seen) {
                seen = now;
                stallDeadline = System.nanoTime() + stallAfter.toNanos();
            }
        }
    }

    /** Waits until scoring stored its position past the record, that is, applied or ignored it. */
    private static void awaitConsumed(RecordMetadata record) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, Number> positions = given().get("/api/positions").then().extract().path("$");
            Number next = positions.get(record.topic() + "-" + record.partition());
            return next != null && next.longValue() > record.offset();
        });
    }

    private static long consumedPositions() {
        Map<String, Integer> positions = given().get("/api/positions").then().extract().path("$");
        return positions.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static List<JsonNode> scoreUpdates(String key, int expected) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers(),
                "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("score-updates"));
            long deadline = System.currentTimeMillis() + 10000;
            while (System.currentTimeMillis() < deadline && events.size() < expected) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(TopicRecords.frameworkPeriod(record.value()))) {
                        events.add(JSON.readTree(record.value()));
                    }
                }
            }
        }
        return events;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static RecordMetadata send(KafkaProducer<String, String> producer, String value) throws Exception {
        JsonNode node = JSON.readTree(value);
        return producer.send(new ProducerRecord<>("indicator-updates", node.path("frameworkId").asText(), value)).get();
    }

    private static String update(String period, String region, String indicator, double value, int revision) throws Exception {
        return JSON.writeValueAsString(Map.of("updateId", UUID.randomUUID().toString(), "frameworkId", FRAMEWORK, "period", period,
                "region", region, "indicator", indicator, "value", value, "unit", "万人", "revision", revision,
                "source", "test", "receivedAt", "2031-01-01T00:00:00Z"));
    }
}

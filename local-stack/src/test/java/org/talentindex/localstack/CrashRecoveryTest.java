package org.talentindex.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.RegionStatus;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;
import org.talentindex.testsupport.TopicRecords;

/**
 * scoring-service is killed hard (SIGKILL) at random points of a 50,000-update stream and started again. Afterwards
 * every key's published versions run 1..n without a gap or a duplicate, and the published scores equal a full
 * evaluation of the final values.
 */
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FRAMEWORK = "crash-recovery";
    private static final int REGIONS = 60;
    private static final int INDICATORS = 8;
    private static final List<String> PERIODS = List.of("2020", "2021", "2022", "2023");
    private static final int UPDATES = 50_000;
    private static final int CRASHES = 3;

    @TempDir
    Path work;

    @Test
    void killedAtRandomPointsItPublishesEveryVersionExactlyOnceAndTheRightScores() throws Exception {
        Path frameworks = work.resolve("frameworks");
        Framework framework = SyntheticFramework.write(frameworks, FRAMEWORK, REGIONS, INDICATORS);

        Random random = new Random(20261125);
        Map<String, ValueTable> finalValues = new HashMap<>();
        PERIODS.forEach(p -> finalValues.put(p, new ValueTable()));
        Map<String, Integer> revisions = new HashMap<>();

        try (Stack stack = Stack.start(work.resolve("stack"), frameworks, List.of("scoring-service"), m -> System.out.println("[stack] " + m));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                     "linger.ms", 5), new StringSerializer(), new StringSerializer())) {
            List<Integer> crashPoints = new ArrayList<>();
            for (int i = 1; i <= CRASHES; i++) {
                crashPoints.add(i * UPDATES / (CRASHES + 1) + random.nextInt(UPDATES / 10));
            }
            AtomicInteger sent = new AtomicInteger();
            for (int n = 0; n < UPDATES; n++) {
                String period = PERIODS.get(random.nextInt(PERIODS.size()));
                String region = SyntheticFramework.region(random.nextInt(REGIONS));
                String indicator = "i" + random.nextInt(INDICATORS);
                double value = Math.round(random.nextDouble() * 1000) / 10.0;
                int revision = revisions.merge(period + region + indicator, 1, Integer::sum);
                finalValues.get(period).put(region, indicator, value);
                producer.send(new ProducerRecord<>("indicator-updates", FRAMEWORK, update(period, region, indicator, value, revision)));
                sent.incrementAndGet();
                if (crashPoints.contains(n)) {
                    producer.flush();
                    stack.service("scoring-service").kill();
                    System.out.println("[crash] scoring-service killed after " + n + " updates");
                    stack.restart("scoring-service");
                }
            }
            producer.flush();

            String scoring = stack.service("scoring-service").url();
            awaitCaughtUp(stack.bootstrapServers(), scoring);
            Map<String, List<Long>> versions = publishedVersions(stack.bootstrapServers());
            for (String period : PERIODS) {
                String key = FRAMEWORK + "/" + period;
                List<Long> published = versions.get(key);
                List<Long> expected = java.util.stream.LongStream.rangeClosed(1, published.size()).boxed().toList();
                assertEquals(expected, published, "versions of " + key + " run 1..n once each");
                assertPublishedScoresEqualFullEvaluation(scoring, key, framework, finalValues.get(period), published.size());
            }
        }
    }

    private static void assertPublishedScoresEqualFullEvaluation(String scoring, String key, Framework framework, ValueTable values,
                                                                 long lastVersion) throws Exception {
        JsonNode published = get(scoring + "/api/scores/" + key);
        assertEquals(lastVersion, published.path("version").asLong(), "the stored version is the last one published");
        Map<String, JsonNode> byRegion = new TreeMap<>();
        published.path("regions").forEach(r -> byRegion.put(r.path("region").asText(), r));
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, values);
        assertEquals(evaluation.regions().size(), byRegion.size());
        for (RegionResult expected : evaluation.regions()) {
            JsonNode actual = byRegion.get(expected.region());
            assertEquals(expected.status().name(), actual.path("status").asText(), expected.region());
            if (expected.status() == RegionStatus.RANKED) {
                assertEquals(expected.rank(), actual.path("rank").asInt(), "rank of " + expected.region() + " in " + key);
                assertEquals(round(expected.score(), framework.precision()), actual.path("score").asDouble(), 1e-9);
            }
        }
    }

    private static double round(double value, int precision) {
        return BigDecimal.valueOf(value).setScale(precision, RoundingMode.HALF_UP).doubleValue();
    }

    /** Waits until the positions scoring stored reach the end of indicator-updates and its outbox is drained. */
    private static void awaitCaughtUp(String bootstrapServers, String scoring) throws Exception {
        Map<String, Long> ends = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor("indicator-updates").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.endOffsets(partitions).forEach((p, end) -> ends.put(p.topic() + "-" + p.partition(), end));
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode positions = get(scoring + "/api/positions");
            if (ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || positions.path(e.getKey()).asLong() >= e.getValue())) {
                Thread.sleep(3000); // the relay publishes what the last batches wrote
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("scoring-service did not catch up with indicator-updates");
    }

    private static Map<String, List<Long>> publishedVersions(String bootstrapServers) throws Exception {
        Map<String, List<Long>> versions = new TreeMap<>();
        for (ConsumerRecord<String, String> record : TopicRecords.upToTheEnd(bootstrapServers, "score-updates")) {
            versions.computeIfAbsent(TopicRecords.frameworkPeriod(record.value()), k -> new ArrayList<>()).add(JSON.readTree(record.value()).path("version").asLong());
        }
        return versions;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200, url + " answered " + response.statusCode());
        return JSON.readTree(response.body());
    }

    private static String update(String period, String region, String indicator, double value, int revision) throws Exception {
        return JSON.writeValueAsString(Map.of("updateId", UUID.randomUUID().toString(), "frameworkId", FRAMEWORK, "period", period,
                "region", region, "indicator", indicator, "value", value, "unit", "index", "revision", revision,
                "source", "crash test", "receivedAt", "2026-01-01T00:00:00Z"));
    }
}

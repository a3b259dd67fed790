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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * The embedded PostgreSQL (durable, as in the demo) is killed while observations stream in through both doors, and
 * started again after a while. Every observation acknowledged (a 200 to its upload, or Kafka's acknowledgement of
 * its record) is then in ingestion's store and in the final reports, and no score-update version was published twice
 * with different content.
 */
class DatabaseCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String FRAMEWORK = "database-crash";
    private static final int REGIONS = 12;
    private static final int INDICATORS = 4;
    /** Uploads arrive for one period and Kafka records for another, so that each cell has one ordered stream of values. */
    private static final String UPLOADED_PERIOD = "2022";
    private static final String STREAMED_PERIOD = "2023";
    private static final int ROUNDS = 40;
    private static final int ROWS_PER_ROUND = 10;
    private static final int CRASH_AT_ROUND = 12;
    private static final Duration DOWN = Duration.ofSeconds(6);

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedObservationSurvivesACrashOfTheDatabase() throws Exception {
        Path frameworks = work.resolve("frameworks");
        Framework framework = SyntheticFramework.write(frameworks, FRAMEWORK, REGIONS, INDICATORS);
        Map<String, ValueTable> acknowledged = Map.of(UPLOADED_PERIOD, new ValueTable(), STREAMED_PERIOD, new ValueTable());
        List<Revision> revisions = new ArrayList<>();
        Random random = new Random(20261207);

        try (Stack stack = Stack.start(work.resolve("stack"), frameworks, Stack.SERVICES, m -> System.out.println("[stack] " + m));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                     "acks", "all"), new StringSerializer(), new StringSerializer())) {
            String ingestion = stack.service("ingestion-service").url();
            AtomicInteger roundsSent = new AtomicInteger();
            ExecutorService sender = Executors.newSingleThreadExecutor();
            Future<?> stream = sender.submit(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    String source = "crash test round " + round;
                    Map<String, Double> upload = randomCells(random);
                    uploadUntilAcknowledged(ingestion, stack.apiKey(), upload, source);
                    upload.forEach((cell, value) -> {
                        acknowledged.get(UPLOADED_PERIOD).put(regionOf(cell), indicatorOf(cell), value);
                        revisions.add(new Revision(cell, UPLOADED_PERIOD, value, source));
                    });
                    for (Map.Entry<String, Double> cell : randomCells(random).entrySet()) {
                        producer.send(new ProducerRecord<>("indicator-observations", cell.getKey(),
                                observation(cell.getKey(), STREAMED_PERIOD, cell.getValue(), source))).get();
                        acknowledged.get(STREAMED_PERIOD).put(regionOf(cell.getKey()), indicatorOf(cell.getKey()), cell.getValue());
                        revisions.add(new Revision(cell.getKey(), STREAMED_PERIOD, cell.getValue(), source));
                    }
                    roundsSent.incrementAndGet();
                }
                return null;
            });
            // the crash comes while the stream flows: what was acknowledged just before it must survive
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (roundsSent.get() < CRASH_AT_ROUND && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
            }
            stack.infrastructure().crashPostgres();
            System.out.println("[crash] PostgreSQL killed after " + roundsSent.get() + " rounds");
            Thread.sleep(DOWN.toMillis());
            stack.infrastructure().restartPostgres();
            System.out.println("[crash] PostgreSQL started again");
            stream.get(5, TimeUnit.MINUTES);
            sender.shutdown();

            for (String period : acknowledged.keySet()) {
                awaitStoredAsAcknowledged(ingestion, stack.apiKey(), period, acknowledged.get(period));
                awaitReportEqualToEvaluation(stack.service("reporting-service").url(), framework, period, acknowledged.get(period));
            }
            assertEveryRevisionStored(ingestion, stack.apiKey(), revisions);
            assertNoVersionPublishedTwiceWithDifferentContent(stack.bootstrapServers());
        }
    }

    private static Map<String, Double> randomCells(Random random) {
        Map<String, Double> cells = new LinkedHashMap<>();
        while (cells.size() < ROWS_PER_ROUND) {
            cells.put(SyntheticFramework.region(random.nextInt(REGIONS)) + "/i" + random.nextInt(INDICATORS),
                    Math.round(random.nextDouble() * 10_000) / 10.0);
        }
        return cells;
    }

    /** An upload that gets no 200 (the database is down, or the answer is lost) is sent again until one arrives. */
    private static void uploadUntilAcknowledged(String ingestion, String apiKey, Map<String, Double> cells, String source) throws Exception {
        StringBuilder csv = new StringBuilder("region,indicator,period,value,unit,source\n");
        cells.forEach((cell, value) -> csv.append(regionOf(cell)).append(',').append(indicatorOf(cell)).append(',')
                .append(UPLOADED_PERIOD).append(',').append(value).append(",index,").append(source).append('\n'));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestion + "/api/observations")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/csv").header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                assertTrue(response.statusCode() >= 500, "an upload refused for its content: " + response.body());
            } catch (java.io.IOException lost) {
                // no answer: not acknowledged, sent again
            }
            Thread.sleep(500);
        }
        throw new AssertionError("ingestion-service did not acknowledge an upload within 2 minutes of trying");
    }

    private static void awaitStoredAsAcknowledged(String ingestion, String apiKey, String period, ValueTable values) throws Exception {
        for (Map.Entry<String, Map<String, Double>> region : values.asMap().entrySet()) {
            for (Map.Entry<String, Double> cell : region.getValue().entrySet()) {
                String url = ingestion + "/api/observations?region=" + region.getKey() + "&indicator=" + cell.getKey() + "&period=" + period;
                JsonAnswers.await(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", apiKey).build(), Duration.ofMinutes(2),
                        history -> history.size() > 0 && history.get(history.size() - 1).path("canonicalValue").asDouble() == cell.getValue());
            }
        }
    }

    /** One acknowledged observation: a later one of the same cell may hide its loss from the latest values, not from the history. */
    private record Revision(String cell, String period, double value, String source) {
    }

    private static void assertEveryRevisionStored(String ingestion, String apiKey, List<Revision> revisions) throws Exception {
        Map<String, List<Revision>> byCell = new TreeMap<>();
        revisions.forEach(r -> byCell.computeIfAbsent(r.cell() + "/" + r.period(), c -> new ArrayList<>()).add(r));
        List<Revision> lost = new ArrayList<>();
        for (List<Revision> cell : byCell.values()) {
            Revision any = cell.get(0);
            String url = ingestion + "/api/observations?region=" + regionOf(any.cell()) + "&indicator=" + indicatorOf(any.cell())
                    + "&period=" + any.period();
            JsonNode history = JsonAnswers.await(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", apiKey).build(), Duration.ofMinutes(1),
                    answer -> true);
            List<String> stored = new ArrayList<>();
            history.forEach(o -> stored.add(o.path("canonicalValue").asDouble() + " " + o.path("source").asText()));
            cell.stream().filter(r -> !stored.contains(r.value() + " " + r.source())).forEach(lost::add);
        }
        assertEquals(List.of(), lost, "acknowledged observations missing from ingestion's store");
    }

    private static void awaitReportEqualToEvaluation(String reporting, Framework framework, String period, ValueTable values) throws Exception {
        Map<String, Double> expected = new TreeMap<>();
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, values);
        for (RegionResult region : evaluation.regions()) {
            if (region.status() == RegionStatus.RANKED) {
                expected.put(region.region(), round(region.score(), framework.precision()));
            }
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(reporting + "/api/reports/" + FRAMEWORK + "/" + period)).build();
        JsonNode report = JsonAnswers.await(request, Duration.ofMinutes(2), r -> expected.equals(scores(r)));
        assertEquals(expected, scores(report), "the report of " + period + " equals a full evaluation of the acknowledged values");
    }

    private static Map<String, Double> scores(JsonNode report) {
        Map<String, Double> scores = new TreeMap<>();
        report.path("ranking").forEach(entry -> scores.put(entry.path("region").asText(), entry.path("score").asDouble()));
        return scores;
    }

    private static void assertNoVersionPublishedTwiceWithDifferentContent(String bootstrapServers) throws Exception {
        Map<String, JsonNode> firstContent = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicRecords.upToTheEnd(bootstrapServers, "score-updates")) {
            JsonNode update = JSON.readTree(record.value());
            String version = TopicRecords.frameworkPeriod(record.value()) + " v" + update.path("version").asLong();
            JsonNode first = firstContent.putIfAbsent(version, update.path("regions"));
            if (first != null && !first.equals(update.path("regions"))) {
                conflicts.add(version);
            }
        }
        assertTrue(firstContent.size() > 0, "score updates were published");
        assertEquals(List.of(), conflicts, "versions published twice with different content");
    }

    private static double round(double value, int precision) {
        return BigDecimal.valueOf(value).setScale(precision, RoundingMode.HALF_UP).doubleValue();
    }

    private static String observation(String cell, String period, double value, String source) throws Exception {
        return JSON.writeValueAsString(Map.of("observationId", UUID.randomUUID().toString(), "region", regionOf(cell),
                "indicator", indicatorOf(cell), "period", period, "value", value, "unit", "index", "source", source));
    }

    private static String regionOf(String cell) {
        return cell.substring(0, cell.indexOf('/'));
    }

    private static String indicatorOf(String cell) {
        return cell.substring(cell.indexOf('/') + 1);
    }
}

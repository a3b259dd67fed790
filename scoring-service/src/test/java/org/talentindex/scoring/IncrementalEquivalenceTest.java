package org.talentindex.scoring;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;
import org.talentindex.scoring.framework.FrameworkRegistry;
import org.talentindex.scoring.messaging.UpdateConsumer;
import org.talentindex.scoring.service.ScoringService;
import org.talentindex.scoring.state.FrameworkPeriodKey;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;

/**
 * A random stream of 10,000 updates (with stale revisions among them) over a 300 × 24 entropy-weighted framework, sent
 * in bursts of 1 to 400 that are each consumed before the next, so that batches of every size are applied
 * incrementally, leaves exactly the scores of a one-shot full evaluation of the final values.
 */
@QuarkusTest
@TestProfile(IncrementalEquivalenceTest.SyntheticFramework.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class IncrementalEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAMEWORK = "equivalence-300x24";
    private static final int REGIONS = 300;
    private static final int INDICATORS = 24;
    private static final FrameworkPeriodKey KEY = new FrameworkPeriodKey(FRAMEWORK, "2030");

    @Inject
    ScoringService scoring;

    @Inject
    FrameworkRegistry frameworks;

    @Inject
    MeterRegistry metrics;

    @Inject
    UpdateConsumer consumer;

    @Test
    void streamOfRandomUpdatesEndsAtTheFullEvaluation() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.owns(KEY.frameworkId()));
        SplittableRandom random = new SplittableRandom(20301125);
        Map<String, Integer> revisions = new HashMap<>();
        ValueTable expected = new ValueTable();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers(),
                "linger.ms", 5), new StringSerializer(), new StringSerializer())) {
            int sent = 0;
            while (sent < 10_000) {
                int burst = Math.min(random.nextBoolean() ? 1 + random.nextInt(5) : 1 + random.nextInt(400), 10_000 - sent);
                for (int i = 0; i < burst; i++) {
                    String region = region(random.nextInt(REGIONS));
                    String indicator = indicator(random.nextInt(INDICATORS));
                    String cell = region + "/" + indicator;
                    int held = revisions.getOrDefault(cell, 0);
                    boolean stale = held > 1 && random.nextInt(5) == 0;
                    int revision = stale ? 1 + random.nextInt(held - 1) : held + 1;
                    double value = random.nextInt(10) == 0 ? random.nextDouble() * 1e6 : 100 + random.nextGaussian() * 30;
                    if (!stale) {
                        revisions.put(cell, revision);
                        expected.put(region, indicator, value);
                    }
                    producer.send(new ProducerRecord<>("indicator-updates", FRAMEWORK, update(region, indicator, value, revision)));
                }
                sent += burst;
                producer.flush();
                double consumedBefore = sent;
                await().atMost(Duration.ofSeconds(30)).until(() -> consumed() >= consumedBefore);
            }
        }
        Framework framework = frameworks.find(FRAMEWORK).orElseThrow();
        Evaluation full = FrameworkEvaluator.evaluate(framework, expected);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(full.ranking().size(), scoring.evaluation(KEY).orElseThrow().ranking().size()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertSameScores(full, scoring.evaluation(KEY).orElseThrow()));
        double batches = metrics.counter("scoring.batches").count();
        assertTrue(batches >= 50, "the stream arrived in many batches: " + batches);
    }

    private double consumed() {
        return metrics.counter("scoring.updates.consumed").count();
    }

    private static void assertSameScores(Evaluation full, Evaluation streamed) {
        Map<String, RegionResult> streamedByRegion = streamed.byRegion();
        assertEquals(full.regions().size(), streamedByRegion.size());
        for (RegionResult expected : full.regions()) {
            RegionResult actual = streamedByRegion.get(expected.region());
            assertEquals(expected.status(), actual.status(), expected.region());
            assertEquals(expected.rank(), actual.rank(), expected.region());
            if (expected.ranked()) {
                assertEquals(expected.score(), actual.score(), 1e-9, expected.region());
            }
            expected.levelScores().forEach((level, score) -> {
                Double streamedScore = actual.levelScores().get(level);
                assertTrue(Double.isNaN(score) ? Double.isNaN(streamedScore) : Math.abs(score - streamedScore) <= 1e-9,
                        expected.region() + " " + level + ": " + score + " vs " + streamedScore);
            });
        }
    }

    private static String region(int index) {
        return String.format("R%03d", index);
    }

    private static String indicator(int index) {
        return String.format("eq_i%02d", index);
    }

    private static String update(String region, String indicator, double value, int revision) throws IOException {
        return JSON.writeValueAsString(Map.of("updateId", UUID.randomUUID().toString(), "frameworkId", FRAMEWORK, "period", KEY.period(),
                "region", region, "indicator", indicator, "value", value, "unit", "pts", "revision", revision,
                "source", "equivalence-test", "receivedAt", "2030-01-01T00:00:00Z"));
    }

    /** Scores only the synthetic framework: 6 dimensions of 4 indicators, one in three "-", entropy weights, min-max. */
    public static class SyntheticFramework implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path directory = Files.createTempDirectory("equivalence-frameworks");
                Files.writeString(directory.resolve(FRAMEWORK + ".yaml"), yaml());
                return Map.of("talentindex.frameworks.dir", directory.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String yaml() {
            StringBuilder y = new StringBuilder();
            y.append("id: ").append(FRAMEWORK).append('\n');
            y.append("names: {zh: 等价性测试指数, en: Equivalence test index}\nmethod: composite\nregions:\n");
            for (int r = 0; r < REGIONS; r++) {
                y.append("  - {code: \"").append(region(r)).append("\", names: {zh: 地区").append(r).append(", en: Region ").append(r).append("}}\n");
            }
            y.append("""
                    periods: {from: 2020, to: 2035}
                    precision: 2
                    normalisation: {method: min-max}
                    weighting: {method: entropy, entropy-shift: 0.0001}
                    aggregation: {method: arithmetic}
                    rescale: {min: 0, max: 100}
                    missing-data: {min-region-coverage: 0.5, min-indicator-coverage: 0.3, imputation: none}
                    dimensions:
                    """);
            for (int d = 0; d < 6; d++) {
                y.append("  - code: dim_").append(d).append("\n    names: {zh: 维度").append(d).append(", en: Dimension ").append(d)
                        .append("}\n    indicators:\n");
                for (int i = 4 * d; i < 4 * d + 4; i++) {
                    y.append("      - {code: ").append(indicator(i)).append(", names: {zh: 指标").append(i).append(", en: Indicator ").append(i)
                            .append("}, unit: pts, direction: \"").append(i % 3 == 2 ? "-" : "+").append("\", measure: continuous}\n");
                }
            }
            return y.toString();
        }
    }
}

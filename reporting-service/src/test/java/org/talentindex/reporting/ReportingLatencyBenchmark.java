package org.talentindex.reporting;

import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.talentindex.reporting.ScoreUpdates.RegionScores;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;

/**
 * Figures for docs/benchmarks.md: the time reporting adds between a score update sent and the first index report that
 * reflects it (version ≥ the update's), open loop, spread over four framework-periods of 300 regions with 6 levels, at a
 * trickle and at 1,000 updates per second. Run on demand:
 * {@code ./mvnw -B -pl reporting-service -am verify -Dtest=ReportingLatencyBenchmark -Dtalentindex.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(ScoringStub.class)
@EnabledIfSystemProperty(named = "talentindex.benchmark", matches = "true")
class ReportingLatencyBenchmark {

    private static final List<String> KEYS = List.of("talent-stickiness/2091", "talent-stickiness/2092",
            "talent-stickiness/2093", "talent-stickiness/2094");
    private static final int REGIONS = 300;
    private static final int MAX_VERSIONS = 100_000;
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, AtomicLongArray> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> reflectedUpTo = new ConcurrentHashMap<>();
    private final Map<String, Integer> nextVersion = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final AtomicInteger reports = new AtomicInteger();
    private final AtomicInteger reflected = new AtomicInteger();
    private volatile boolean measuring;

    @Test
    void scoreUpdateToIndexReportAtATrickleAndAt1000PerSecond() throws Exception {
        List<RegionScores> regions = regions();
        for (String key : KEYS) {
            ScoreUpdates.publish(key, 1, regions);
            ScoreUpdates.awaitReportVersion(key, 1);
            sentAt.put(key, new AtomicLongArray(MAX_VERSIONS));
            reflectedUpTo.put(key, 1);
            nextVersion.put(key, 2);
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "latency-benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
             var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     LocalInfrastructure.shared().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
                     new StringSerializer(), new StringSerializer())) {
            consumer.subscribe(List.of("index-reports"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(consumer::position);
            Thread receiver = new Thread(() -> receive(consumer), "index-report-receiver");
            receiver.start();
            try {
                run(producer, regions, 20, Duration.ofSeconds(3), Duration.ofSeconds(15), "trickle");
                run(producer, regions, 1000, Duration.ofSeconds(5), Duration.ofSeconds(15), "1,000/s");
            } finally {
                receiver.interrupt();
                receiver.join();
            }
        }
    }

    private void run(KafkaProducer<String, String> producer, List<RegionScores> regions, int rate, Duration warmUp,
                     Duration measured, String name) throws Exception {
        int reflectedBefore = reflected.get();
        long start = System.nanoTime();
        int warmUpUpdates = send(producer, regions, rate, warmUp);
        if (!allReflectedWithin(DRAIN)) {
            int count = reflected.get() - reflectedBefore;
            System.out.printf("Reporting score-update -> index-report, %s: falls behind in the warm-up: %d of %d updates reflected "
                    + "in %.1f s (%.0f/s)%n", name, count, warmUpUpdates, (System.nanoTime() - start) / 1e9, count / ((System.nanoTime() - start) / 1e9));
            return;
        }
        synchronized (latencies) {
            latencies.clear();
        }
        reports.set(0);
        measuring = true;
        int sent = send(producer, regions, rate, measured);
        boolean drained = allReflectedWithin(DRAIN);
        measuring = false;
        long[] samples;
        synchronized (latencies) {
            samples = latencies.stream().mapToLong(Long::longValue).toArray();
        }
        System.out.printf("Reporting score-update -> index-report, %s: %d updates over %d keys (%d regions each) in %d s, "
                        + "%d reports published, %d updates reflected%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", name, sent, KEYS.size(), REGIONS,
                measured.toSeconds(), reports.get(), samples.length, drained ? "" : " (backlog not drained within " + DRAIN.toSeconds() + " s)", percentile(samples, 50), percentile(samples, 99), percentile(samples, 100));
    }

    /** Open loop: an update every 1/rate s, round robin over the keys; latency counts from each update's scheduled time. */
    private int send(KafkaProducer<String, String> producer, List<RegionScores> regions, int rate, Duration duration)
            throws Exception {
        int count = OpenLoop.run(rate, duration, (i, scheduled) -> {
            String key = KEYS.get(i % KEYS.size());
            int version = nextVersion.merge(key, 1, Integer::sum) - 1;
            sentAt.get(key).set(version, scheduled);
            producer.send(new ProducerRecord<>("score-updates", key, ScoreUpdates.event(key, version, swap(regions, version))));
        });
        producer.flush();
        return count;
    }

    private void receive(KafkaConsumer<String, String> consumer) {
        try {
            receiveUntilInterrupted(consumer);
        } catch (InterruptException e) {
            // the benchmark is over
        }
    }

    private void receiveUntilInterrupted(KafkaConsumer<String, String> consumer) {
        while (!Thread.currentThread().isInterrupted()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                long arrived = System.nanoTime();
                AtomicLongArray sent = sentAt.get(record.key());
                if (sent == null) {
                    continue;
                }
                int version = (int) reportVersion(record.value());
                int from = reflectedUpTo.get(record.key());
                for (int v = from + 1; v <= version; v++) {
                    reflected.incrementAndGet();
                    if (measuring) {
                        synchronized (latencies) {
                            latencies.add(arrived - sent.get(v));
                        }
                    }
                }
                reflectedUpTo.put(record.key(), Math.max(from, version));
                if (measuring) {
                    reports.incrementAndGet();
                }
            }
        }
    }

    private boolean allReflectedWithin(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (KEYS.stream().anyMatch(k -> reflectedUpTo.get(k) < nextVersion.get(k) - 1)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** The CloudEvent's reportversion extension, read without parsing the report it carries. */
    private static long reportVersion(String cloudEvent) {
        try (JsonParser parser = JSON.createParser(cloudEvent)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("reportversion".equals(field)) {
                    return parser.getValueAsLong();
                }
                parser.skipChildren();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("No reportversion");
    }

    /** Versions alternately swap the first two regions. */
    private static List<RegionScores> swap(List<RegionScores> regions, int version) {
        RegionScores first = regions.get(0);
        RegionScores second = regions.get(1);
        boolean swapped = version % 2 == 0;
        return List.of(ranked(first.region(), swapped ? 99.985 : first.score(), swapped ? 2 : 1, first.levels()),
                ranked(second.region(), swapped ? 100.5 : second.score(), swapped ? 1 : 2, second.levels()));
    }

    private static List<RegionScores> regions() {
        List<RegionScores> regions = new ArrayList<>();
        for (int i = 0; i < REGIONS; i++) {
            double score = 100 - i * 0.1;
            regions.add(ranked(String.format("R%05d", i), score, i + 1, Map.of("economic_foundation", score, "innovation_potential", score - 1,
                    "cultural_openness", score - 2, "ecology_health", score - 3, "social_welfare", score - 4, "public_life", score - 5)));
        }
        return regions;
    }

    private static double percentile(long[] nanos, double percentile) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}

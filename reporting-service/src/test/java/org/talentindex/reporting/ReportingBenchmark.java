package org.talentindex.reporting;

import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.talentindex.reporting.ScoreUpdates.RegionScores;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;

/**
 * Figures for docs/benchmarks.md: report GET latency for a 3,000-region ranking under an open-loop load of 200 requests
 * per second, and the time from a score update sent to its index report received. Run on demand:
 * {@code ./mvnw -B -pl reporting-service -am verify -Dtest=ReportingBenchmark -Dtalentindex.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(ScoringStub.class)
@EnabledIfSystemProperty(named = "talentindex.benchmark", matches = "true")
class ReportingBenchmark {

    private static final String KEY = "talent-stickiness/2099";
    private static final int REGIONS = 3000;
    private static final int RATE = 200;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final int LATENCY_SAMPLES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/reports/" + KEY)
    URL report;

    @Test
    void reportGetUnderLoadAndScoreUpdateToIndexReport() throws Exception {
        List<RegionScores> regions = new ArrayList<>();
        for (int i = 0; i < REGIONS; i++) {
            double score = 100 - i * 0.03;
            regions.add(ranked(String.format("R%05d", i), score, i + 1, Map.of("economic_foundation", score, "innovation_potential", score - 1,
                    "cultural_openness", score - 2, "ecology_health", score - 3, "social_welfare", score - 4, "public_life", score - 5)));
        }
        ScoreUpdates.publish(KEY, 1, regions);
        ScoreUpdates.awaitReportVersion(KEY, 1);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest get = HttpRequest.newBuilder(report.toURI()).header("Accept", "application/json")
                .header("Accept-Encoding", "gzip").build();
        int size = client.send(get, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        int uncompressed = client.send(HttpRequest.newBuilder(report.toURI()).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        load(client, get, WARM_UP);
        long[] latencies = load(client, get, MEASURED);
        System.out.printf("Reporting GET %s (%,d bytes JSON, %,d gzip): %d requests at %d/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                KEY, uncompressed, size,
                latencies.length, RATE, percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100));

        long[] endToEnd = scoreUpdateToIndexReport(regions);
        System.out.printf("Reporting score-update -> index-report (%,d-region report, 2 regions changed): %d samples: p50 %.2f ms, p99 %.2f ms%n",
                REGIONS, endToEnd.length, percentile(endToEnd, 50), percentile(endToEnd, 99));
    }

    /** Open loop: a request every 1/RATE s whatever the responses do; latency counts from the scheduled start. */
    private static long[] load(HttpClient client, HttpRequest get, Duration duration) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        OpenLoop.run(RATE, duration, (i, scheduled) ->
                pending.add(client.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                    if (error != null || response.statusCode() != 200) {
                        failures.incrementAndGet();
                    } else {
                        latencies.add(System.nanoTime() - scheduled);
                    }
                })));
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            throw new AssertionError(failures.get() + " failed requests");
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] scoreUpdateToIndexReport(List<RegionScores> regions) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        long[] samples = new long[LATENCY_SAMPLES];
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
             var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     LocalInfrastructure.shared().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
                     new StringSerializer(), new StringSerializer())) {
            consumer.subscribe(List.of("index-reports"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(consumer::position); // resolves "latest" now, before the first update is sent
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                long version = i + 2;
                RegionScores first = regions.get(0);
                RegionScores second = regions.get(1);
                boolean swap = i % 2 == 0;
                List<RegionScores> changes = List.of(
                        ranked(first.region(), swap ? 99.985 : first.score(), swap ? 2 : 1, first.levels()),
                        ranked(second.region(), swap ? 100.5 : second.score(), swap ? 1 : 2, second.levels()));
                String event = ScoreUpdates.event(KEY, version, changes);
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>("score-updates", KEY, event));
                samples[i] = awaitReport(consumer, version) - sent;
            }
        }
        return samples;
    }

    private static long awaitReport(KafkaConsumer<String, String> consumer, long version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                if (KEY.equals(record.key()) && JSON.readTree(record.value()).path("data").path("version").asLong() == version) {
                    return System.nanoTime();
                }
            }
        }
        throw new AssertionError("No index report for version " + version);
    }

    private static double percentile(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}

package org.talentindex.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkCatalogue;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.RegionStatus;
import org.talentindex.scoring.engine.ValueTable;

/**
 * Every framework in {@code frameworks/} with a sample: the sample goes through the running platform, half as REST
 * uploads and half as records on indicator-observations; not one row is refused, and the last report of each period
 * on index-reports ranks and scores as the engine does on the same sample, to the framework's precision. The ASEM
 * index also equals COINr's configuration A. A framework added with a sample is covered as it is.
 */
class ShippedFrameworksAcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path FRAMEWORKS = Stack.projectHome().resolve("frameworks");
    private static final Path COINR_CONFIG_A = Stack.projectHome().resolve("scoring-engine/src/test/resources/published/asem_expected_config_A.csv");

    @TempDir
    static Path work;

    static Stack stack;
    static KafkaProducer<String, String> producer;
    static FrameworkCatalogue catalogue;

    @BeforeAll
    static void startStack() throws Exception {
        catalogue = FrameworkCatalogue.load(FRAMEWORKS);
        stack = Stack.start(work, message -> System.out.println("[stack] " + message));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopStack() {
        if (producer != null) {
            producer.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    static List<SampleData.Sample> samples() throws Exception {
        return SampleData.load(FRAMEWORKS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theSampleThroughBothDoorsIsReportedAsTheEngineEvaluatesIt(SampleData.Sample sample) throws Exception {
        Framework framework = catalogue.framework(sample.frameworkId()).orElseThrow();
        List<SampleData.Observation> uploaded = new ArrayList<>();
        List<SampleData.Observation> streamed = new ArrayList<>();
        for (int i = 0; i < sample.observations().size(); i++) {
            (i % 2 == 0 ? uploaded : streamed).add(sample.observations().get(i));
        }
        JsonNode summary = upload(SampleData.csv(uploaded));
        assertEquals(uploaded.size(), summary.path("accepted").asInt(), "rows accepted of the upload: " + summary);
        for (SampleData.Observation observation : streamed) {
            producer.send(new ProducerRecord<>("indicator-observations", observation.region(), json(observation))).get();
        }

        Map<String, Map<String, Double>> expected = new TreeMap<>();
        Map<String, ValueTable> tables = tablesByPeriod(sample.observations());
        tables.forEach((period, table) -> expected.put(framework.id() + "/" + period, rankedScores(framework, table)));
        Map<String, Map<String, Double>> reported = awaitReports(expected);
        assertEquals(expected, reported, "the last report of each period equals the engine's evaluation");
        assertEquals(0, deadLetters(), "records of the sample refused on indicator-observations");
        if (framework.id().equals("asem-connectivity")) {
            assertEquals(coinrConfigurationA(framework.precision()), reported.get("asem-connectivity/2018"), "COINr configuration A");
        }
    }

    private static Map<String, ValueTable> tablesByPeriod(List<SampleData.Observation> observations) {
        Map<String, ValueTable> tables = new TreeMap<>();
        for (SampleData.Observation o : observations) {
            tables.computeIfAbsent(o.period(), p -> new ValueTable()).put(o.region(), o.indicator(), Double.parseDouble(o.value()));
        }
        return tables;
    }

    /** Region → score of every ranked region, rounded as reports round. */
    private static Map<String, Double> rankedScores(Framework framework, ValueTable table) {
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, table);
        Map<String, Double> scores = new TreeMap<>();
        for (RegionResult region : evaluation.regions()) {
            if (region.status() == RegionStatus.RANKED) {
                scores.put(region.region() + " #" + region.rank(), round(region.score(), framework.precision()));
            }
        }
        return scores;
    }

    private static Map<String, Double> reportedScores(JsonNode report) {
        Map<String, Double> scores = new TreeMap<>();
        report.path("ranking").forEach(entry -> scores.put(entry.path("region").asText() + " #" + entry.path("rank").asInt(),
                entry.path("score").asDouble()));
        return scores;
    }

    /** Reads index-reports until the last report of every expected key equals what is expected, or two minutes pass. */
    private static Map<String, Map<String, Double>> awaitReports(Map<String, Map<String, Double>> expected) {
        Map<String, Map<String, Double>> latest = new TreeMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("index-reports"));
            while (!latest.equals(expected) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (expected.containsKey(record.key())) {
                        latest.put(record.key(), reportedScores(JsonAnswers.read(record.value()).path("data")));
                    }
                }
            }
        }
        return latest;
    }

    private static long deadLetters() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor("indicator-observations.dlq").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static Map<String, Double> coinrConfigurationA(int precision) throws Exception {
        List<String> lines = Files.readAllLines(COINR_CONFIG_A);
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        Map<String, Double> index = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replace("\"", "").split(",");
            index.put(cells[0], round(Double.parseDouble(cells[header.indexOf("Index")]), precision));
        }
        List<Map.Entry<String, Double>> ranked = index.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
        Map<String, Double> scores = new TreeMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            int rank = i > 0 && ranked.get(i).getValue().equals(ranked.get(i - 1).getValue())
                    ? rankOf(scores, ranked.get(i - 1).getKey()) : i + 1;
            scores.put(ranked.get(i).getKey() + " #" + rank, ranked.get(i).getValue());
        }
        return scores;
    }

    private static int rankOf(Map<String, Double> scores, String region) {
        return scores.keySet().stream().filter(k -> k.startsWith(region + " #")).map(k -> Integer.parseInt(k.substring(k.indexOf('#') + 1)))
                .findFirst().orElseThrow();
    }

    private static JsonNode upload(String csv) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.service("ingestion-service").url() + "/api/observations"))
                .header("Content-Type", "text/csv; charset=UTF-8").header("X-API-Key", stack.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JsonAnswers.read(response.body());
    }

    private static String json(SampleData.Observation o) throws Exception {
        return JSON.writeValueAsString(Map.of("observationId", UUID.randomUUID().toString(), "region", o.region(), "indicator", o.indicator(),
                "period", o.period(), "value", Double.parseDouble(o.value()), "unit", o.unit(), "source", o.source()));
    }

    private static double round(double value, int precision) {
        return BigDecimal.valueOf(value).setScale(precision, RoundingMode.HALF_UP).doubleValue();
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(), "group.id", "acceptance-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer());
    }
}

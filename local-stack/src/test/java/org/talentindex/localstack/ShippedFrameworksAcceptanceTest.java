package org.talentindex.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
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
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkCatalogue;
import org.talentindex.scoring.engine.EarlierPeriods;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.EvaluationOptions;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.RegionStatus;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.testsupport.Workbooks;

/**
 * Every framework in {@code frameworks/} with a sample: the sample goes through the running platform, half as REST
 * uploads and half as records on indicator-observations; not one row is refused, and the last report of each period
 * on index-reports ranks and scores as the engine does on the same sample, to the framework's precision. The ASEM
 * index also equals COINr's configuration A. A framework added with a sample is covered as it is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
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
        tables.forEach((period, table) -> expected.put(framework.id() + "/" + period,
                rankedScores(framework, table, earlierPeriods(framework, tables, period))));
        Map<String, Map<String, Double>> reported = awaitReports(expected);
        assertEquals(expected, reported, "the last report of each period equals the engine's evaluation");
        assertEquals(0, deadLetters(), "records of the sample refused on indicator-observations");
        if (framework.id().equals("asem-connectivity")) {
            assertEquals(coinrConfigurationA(framework.precision()), reported.get("asem-connectivity/2018"), "COINr configuration A");
        }
        if (framework.id().equals("jjj-talent-growth")) {
            JsonNode jjj = rankingEntry(awaitReport("jjj-talent-growth/2020", report -> true), "JJJ");
            assertEquals(89.27, jjj.path("levels").path("growth").asDouble(), "CHECKS D.3: JJJ talent growth 2015-2020, %");
            assertEquals(13.61, jjj.path("levels").path("annual_growth").asDouble(), "CHECKS D.4: JJJ talent CAGR 2015-2020, %");
        }
    }

    /**
     * A revision of 2015 re-scores 2020, which reads it (growth over five years), and moves the comparison of 2022 with
     * 2015 in the talent development index (its previous period), though nothing of 2020 or 2022 was sent again.
     */
    @Test
    @Order(2)
    void aRevisionOfAnEarlierPeriodReachesTheLaterPeriodsThatReadIt() throws Exception {
        double revisedGrowth = round(100 * (781.3 / 389.6 - 1), 2);
        producer.send(new ProducerRecord<>("indicator-observations", "110000", json(new SampleData.Observation("110000", "talent_total",
                "2015", "389.6", "万人", "revision")))).get();
        JsonNode growth = awaitReport("jjj-talent-growth/2020",
                report -> rankingEntry(report, "110000").path("levels").path("growth").asDouble() == revisedGrowth);
        assertEquals(round(100 * (2457.3 / 1198.3 - 1), 2), rankingEntry(growth, "JJJ").path("levels").path("growth").asDouble());

        JsonNode development = awaitReport("jjj-talent-development/2022", report -> true);
        int tianjinBefore = rankingEntry(development, "120000").path("previousPeriodRank").asInt();
        for (Map.Entry<String, String> indicator : Map.of("high_skill_talent", "万人", "st_talent_rd_fte", "万人年").entrySet()) {
            producer.send(new ProducerRecord<>("indicator-observations", "120000", json(new SampleData.Observation("120000",
                    indicator.getKey(), "2015", "500", indicator.getValue(), "revision")))).get();
        }
        JsonNode moved = awaitReport("jjj-talent-development/2022",
                report -> rankingEntry(report, "120000").path("previousPeriodRank").asInt() == 1);
        assertEquals(1, rankingEntry(moved, "120000").path("previousPeriodRank").asInt(), "Tianjin first in 2015 after the revision");
        assertEquals(1 - rankingEntry(moved, "120000").path("rank").asInt(), rankingEntry(moved, "120000").path("rankChangeVsPreviousPeriod").asInt());
        assertTrue(tianjinBefore != 1, "Tianjin was not first in 2015 before the revision");
    }

    /** A sent aggregate is kept and checked against its members' sum; the report says when they differ, and stops saying it. */
    @Test
    @Order(3)
    void aSentAggregateThatDiffersFromItsMembersIsReported() throws Exception {
        producer.send(new ProducerRecord<>("indicator-observations", "JJJ", json(new SampleData.Observation("京津冀", "talent_total",
                "2020", "2500", "万人", "revision")))).get();
        JsonNode differing = awaitReport("jjj-talent-growth/2020", report -> report.path("warnings").size() > 0);
        assertTrue(differing.path("warnings").get(0).asText().startsWith("JJJ talent_total: 2500.0 sent"), differing.path("warnings").toString());

        producer.send(new ProducerRecord<>("indicator-observations", "JJJ", json(new SampleData.Observation("JJJ", "talent_total",
                "2020", "2457.3", "万人", "revision")))).get();
        awaitReport("jjj-talent-growth/2020", report -> report.path("warnings").isArray() && report.path("warnings").isEmpty());
    }

    private static Map<String, ValueTable> tablesByPeriod(List<SampleData.Observation> observations) {
        Map<String, ValueTable> tables = new TreeMap<>();
        for (SampleData.Observation o : observations) {
            tables.computeIfAbsent(o.period(), p -> new ValueTable()).put(o.region(), o.indicator(), Double.parseDouble(o.value()));
        }
        return tables;
    }

    /** The tables of the earlier periods the framework reads, as the engine takes them. */
    private static EvaluationOptions earlierPeriods(Framework framework, Map<String, ValueTable> tables, String period) {
        Map<Integer, ValueTable> earlier = new HashMap<>();
        for (int back : EarlierPeriods.needed(framework)) {
            ValueTable table = tables.get(String.valueOf(Integer.parseInt(period) - back));
            if (table != null) {
                earlier.put(back, table);
            }
        }
        return EvaluationOptions.NONE.withEarlierPeriods(earlier);
    }

    /** Region → score of every ranked region, rounded as reports round. */
    private static Map<String, Double> rankedScores(Framework framework, ValueTable table, EvaluationOptions options) {
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, table, options);
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

    /** The last report of a framework-period on index-reports once it satisfies the condition (within two minutes). */
    private static JsonNode awaitReport(String key, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode latest = null;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("index-reports"));
            while ((latest == null || !condition.test(latest)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        latest = JsonAnswers.read(record.value()).path("data");
                    }
                }
            }
        }
        assertNotNull(latest, "a report of " + key);
        assertTrue(condition.test(latest), "the last report of " + key + " as awaited: " + latest);
        return latest;
    }

    private static JsonNode rankingEntry(JsonNode report, String region) {
        for (JsonNode entry : report.path("ranking")) {
            if (entry.path("region").asText().equals(region)) {
                return entry;
            }
        }
        throw new AssertionError(region + " is not ranked in " + report);
    }

    /**
     * A yearbook table in Excel, its headers in Chinese, goes in through the upload door; the report is scored as the engine
     * scores the same values, and its Excel export, read back with the same library, holds every number of the report.
     */
    @Test
    @Order(4)
    void anExcelYearbookTableInComesBackAsAnExcelReport() throws Exception {
        Framework framework = catalogue.framework("jjj-talent-development").orElseThrow();
        List<List<Object>> table = List.of(
                List.of("地区", "年份", "来源", "高技能人才[万人]", "科技人才[万人年]", "专利申请数[万件]"),
                List.of("北京", 2030, "xlsx round trip", 120.5, 38, 31.25),
                List.of("天津", 2030, "xlsx round trip", 86, 11.5, 9),
                List.of("河北", 2030, "xlsx round trip", 330, 17, 14.75));
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(stack.service("ingestion-service").url() + "/api/observations"))
                .header("Content-Type", Workbooks.MEDIA_TYPE).header("X-API-Key", stack.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(Workbooks.of("表2 2030", table))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, upload.statusCode(), upload.body());
        assertEquals(9, JsonAnswers.read(upload.body()).path("accepted").asInt());

        ValueTable values = new ValueTable();
        List<String> regions = List.of("110000", "120000", "130000");
        List<String> indicators = List.of("high_skill_talent", "st_talent_rd_fte", "patent_applications");
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 3; i++) {
                values.put(regions.get(r), indicators.get(i), ((Number) table.get(r + 1).get(i + 3)).doubleValue());
            }
        }
        Map<String, Double> expected = rankedScores(framework, values, EvaluationOptions.NONE);
        String reporting = stack.service("reporting-service").url();
        JsonNode report = JsonAnswers.await(HttpRequest.newBuilder(URI.create(reporting + "/api/reports/jjj-talent-development/2030")).build(),
                Duration.ofMinutes(2), r -> reportedScores(r).equals(expected));

        HttpResponse<byte[]> export = HTTP.send(HttpRequest.newBuilder(URI.create(reporting + "/api/reports/jjj-talent-development/2030.xlsx"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet ranking = workbook.getSheet("排名 Ranking");
            List<String> headers = new ArrayList<>();
            ranking.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            for (int r = 0; r < report.path("ranking").size(); r++) {
                JsonNode entry = report.path("ranking").get(r);
                Row row = ranking.getRow(r + 1);
                assertEquals(entry.path("region").asText(), row.getCell(headers.indexOf("代码 Code")).getStringCellValue());
                assertEquals(entry.path("rank").asDouble(), row.getCell(headers.indexOf("排名 Rank")).getNumericCellValue());
                assertEquals(entry.path("score").asDouble(), row.getCell(headers.indexOf("得分 Score")).getNumericCellValue());
                assertEquals(entry.path("levels").path("talent_stock").asDouble(),
                        row.getCell(headers.indexOf("人才存量 Talent stock")).getNumericCellValue());
                assertEquals(entry.path("levels").path("innovation_output").asDouble(),
                        row.getCell(headers.indexOf("创新产出 Innovation output")).getNumericCellValue());
            }
        }
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

package org.talentindex.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.talentindex.testsupport.TopicRecords;

/**
 * The whole path through real infrastructure: observations on Kafka → ingestion → scoring → reporting → index-reports,
 * with the three services running from their jars against an embedded Kafka broker and PostgreSQL server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAMEWORK = "jjj-talent-development";
    private static final String KEY = FRAMEWORK + "/2022";
    private static final Duration SETTLED = Duration.ofSeconds(3);

    @TempDir
    static Path work;

    static Stack stack;
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.start(work, message -> System.out.println("[stack] " + message));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()), new StringSerializer(), new StringSerializer());
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

    @Test
    @Order(1)
    void validObservationsBecomeARankingOnIndexReports() throws Exception {
        String[][] figures = {
                {"110000", "high_skill_talent", "115", "万人"}, {"120000", "high_skill_talent", "84", "万人"}, {"130000", "high_skill_talent", "324", "万人"},
                {"110000", "st_talent_rd_fte", "37", "万人年"}, {"120000", "st_talent_rd_fte", "10", "万人年"}, {"130000", "st_talent_rd_fte", "16", "万人年"},
                {"110000", "patent_applications", "30.7", "万件"}, {"120000", "patent_applications", "8.4", "万件"}, {"130000", "patent_applications", "13.7", "万件"}};
        for (String[] f : figures) {
            send(observation(f[0], f[1], f[3], Double.parseDouble(f[2])));
        }

        JsonNode report = awaitReport(r -> r.path("ranking").size() == 3, SETTLED);
        assertTrue(isValid("index-report", report), "report conforms to its schema");
        List<String> order = new ArrayList<>();
        report.path("ranking").forEach(entry -> order.add(entry.path("region").asText()));
        assertEquals(List.of("110000", "130000", "120000"), order);
        assertEquals(100.0, report.path("ranking").path(0).path("score").asDouble(), 1e-9);
        assertEquals("Beijing", report.path("ranking").path(0).path("regionName").path("en").asText());
    }

    @Test
    @Order(2)
    void aCorrectionIsANewRevisionAndANewReportVersion() throws Exception {
        long before = awaitReport(r -> true).path("version").asLong();
        send(observation("120000", "patent_applications", "万件", 40));

        JsonNode report = awaitReport(r -> r.path("version").asLong() > before
                && "120000".equals(r.path("ranking").path(1).path("region").asText()));
        assertEquals(List.of("110000", "120000", "130000"),
                List.of(report.at("/ranking/0/region").asText(), report.at("/ranking/1/region").asText(), report.at("/ranking/2/region").asText()));
    }

    @Test
    @Order(3)
    void invalidObservationsGoToTheDeadLetterTopicWithTheirReason() throws Exception {
        String unknownIndicator = observation("110000", "no_such_indicator", "万人", 1);
        send(unknownIndicator);
        send("{not json");
        send(observation("110000", "high_skill_talent", "万人", -5));

        List<ConsumerRecord<String, String>> deadLetters = consumeUntil("indicator-observations.dlq", records -> records.size() >= 3);
        Map<String, String> reasons = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> record : deadLetters) {
            reasons.put(record.value(), header(record, "reason-code"));
            assertNotNull(header(record, "reason-message"));
            assertEquals("indicator-observations", header(record, "source-topic"));
            assertNotNull(header(record, "source-offset"));
        }
        assertEquals("UNKNOWN_INDICATOR", reasons.get(unknownIndicator));
        assertEquals("MALFORMED_JSON", reasons.get("{not json"));
        assertTrue(reasons.containsValue("OUT_OF_RANGE"));
    }

    @Test
    @Order(4)
    void everyEventOnTheInternalTopicsConformsToItsSchema() throws Exception {
        List<ConsumerRecord<String, String>> updates = consumeUntil("indicator-updates", records -> records.size() >= 10);
        for (ConsumerRecord<String, String> record : updates) {
            assertTrue(isValid("indicator-update", JSON.readTree(record.value())), record.value());
            assertEquals(FRAMEWORK, record.key(), "indicator-updates are keyed by framework");
        }
        List<ConsumerRecord<String, String>> scores = consumeUntil("score-updates", records -> records.size() >= 2);
        long expectedVersion = 1;
        for (ConsumerRecord<String, String> record : scores) {
            JsonNode event = JSON.readTree(record.value());
            assertTrue(isValid("score-update", event), record.value());
            assertEquals(expectedVersion++, event.path("version").asLong(), "versions without gaps or duplicates");
        }
    }

    @Test
    @Order(5)
    void aSubscriberToReportChangesGetsTheLatestVersionOfEveryReportOfAMultiPeriodUpload() throws Exception {
        String reporting = stack.service("reporting-service").url();
        Map<String, Long> latestSeen = new java.util.concurrent.ConcurrentHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.util.stream.Stream<String>> changes = http.sendAsync(
                HttpRequest.newBuilder(URI.create(reporting + "/api/reports/changes")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(30, java.util.concurrent.TimeUnit.SECONDS);
        Thread reader = new Thread(() -> changes.body().filter(line -> line.startsWith("data:")).forEach(line -> {
            JsonNode change = JsonAnswers.read(line.substring("data:".length()));
            latestSeen.merge(change.path("frameworkId").asText() + "/" + change.path("period").asText(), change.path("version").asLong(), Math::max);
        }), "report-changes-reader");
        reader.setDaemon(true);
        reader.start();

        List<String> periods = List.of("2017", "2018", "2019", "2020");
        String[][] indicators = {{"high_skill_talent", "万人"}, {"st_talent_rd_fte", "万人年"}, {"patent_applications", "万件"}};
        List<String> regions = List.of("110000", "120000", "130000");
        StringBuilder csv = new StringBuilder("region,indicator,period,value,unit,source\n");
        for (int p = 0; p < periods.size(); p++) {
            for (int r = 0; r < regions.size(); r++) {
                for (String[] indicator : indicators) {
                    csv.append(String.join(",", regions.get(r), indicator[0], periods.get(p), Integer.toString(10 + 7 * r + p), indicator[1], "sse test"))
                            .append('\n');
                }
            }
        }
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(stack.service("ingestion-service").url() + "/api/observations"))
                .header("Content-Type", "text/csv; charset=UTF-8").header("X-API-Key", stack.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, upload.statusCode(), upload.body());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Long> published = new java.util.HashMap<>();
        while (Instant.now().isBefore(deadline) && !(published.size() == periods.size() && latestSeen.entrySet().containsAll(published.entrySet()))) {
            for (String period : periods) {
                HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(reporting + "/api/reports/" + FRAMEWORK + "/" + period)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (report.statusCode() == 200) {
                    published.put(FRAMEWORK + "/" + period, JsonAnswers.read(report.body()).path("version").asLong());
                }
            }
            Thread.sleep(500);
        }
        assertEquals(periods.size(), published.size(), "a report for every period uploaded");
        for (Map.Entry<String, Long> report : published.entrySet()) {
            assertEquals(report.getValue(), latestSeen.get(report.getKey()), "the latest version of " + report.getKey() + " reached the subscriber");
        }
        assertTrue(reader.isAlive(), "the stream is still open");
        changes.body().close();
    }

    @Test
    @Order(6)
    void everyRecordOnEveryTopicConformsToTheMessageOfItsChannelInTheAsyncApiDocument() throws Exception {
        AsyncApiContract contract = AsyncApiContract.read(stack.home());
        List<ConsumerRecord<String, String>> deadLetters = TopicRecords.upToTheEnd(stack.bootstrapServers(), "indicator-observations.dlq");
        Set<String> refused = new java.util.HashSet<>();
        for (ConsumerRecord<String, String> record : deadLetters) {
            assertConforms(contract.payload(record.topic()), JSON.getNodeFactory().textNode(record.value()), record);
            assertConforms(contract.headers(record.topic()), headers(record), record);
            refused.add(header(record, "source-partition") + "@" + header(record, "source-offset"));
        }
        List<ConsumerRecord<String, String>> accepted = TopicRecords.upToTheEnd(stack.bootstrapServers(), "indicator-observations").stream()
                .filter(record -> !refused.contains(record.partition() + "@" + record.offset())).toList();
        for (ConsumerRecord<String, String> record : accepted) {
            assertConforms(contract.payload(record.topic()), JSON.readTree(record.value()), record);
        }
        for (String topic : List.of("indicator-updates", "score-updates", "index-reports")) {
            List<ConsumerRecord<String, String>> records = TopicRecords.upToTheEnd(stack.bootstrapServers(), topic);
            assertTrue(records.size() > 0, "records on " + topic);
            for (ConsumerRecord<String, String> record : records) {
                JsonNode value = JSON.readTree(record.value());
                assertConforms(contract.payload(topic), value, record);
                JsonNode report = topic.equals("index-reports") ? value.path("data") : value;
                String expectedKey = topic.equals("index-reports") ? report.path("frameworkId").asText() + "/" + report.path("period").asText()
                        : report.path("frameworkId").asText();
                assertEquals(expectedKey, record.key(), "key of " + topic);
                if (contract.headers(topic) != null) {
                    assertConforms(contract.headers(topic), headers(record), record);
                }
            }
        }
        assertTrue(deadLetters.size() >= 3 && accepted.size() >= 10, "records of both kinds on indicator-observations");
    }

    @Test
    @Order(7)
    void everyServiceServesAValidOpenApiDocumentWhoseProtectedOperationsNameTheDeclaredApiKeyScheme() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String service : Stack.SERVICES) {
            String document = http.send(HttpRequest.newBuilder(URI.create(stack.service(service).managementUrl() + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            io.swagger.v3.parser.core.models.SwaggerParseResult parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(document, null, null);
            assertEquals(List.of(), parsed.getMessages(), service + " OpenAPI document");
            io.swagger.v3.oas.models.OpenAPI api = parsed.getOpenAPI();
            Map<String, io.swagger.v3.oas.models.security.SecurityScheme> schemes = api.getComponents() == null
                    || api.getComponents().getSecuritySchemes() == null ? Map.of() : api.getComponents().getSecuritySchemes();
            boolean anyProtected = false;
            for (Map.Entry<String, io.swagger.v3.oas.models.PathItem> path : api.getPaths().entrySet()) {
                for (Map.Entry<io.swagger.v3.oas.models.PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> operation
                        : path.getValue().readOperationsMap().entrySet()) {
                    String name = service + " " + operation.getKey() + " " + path.getKey();
                    Set<String> codes = operation.getValue().getResponses().keySet();
                    assertTrue(codes.stream().anyMatch(code -> code.startsWith("2")), name + " documents its success: " + codes);
                    List<io.swagger.v3.oas.models.security.SecurityRequirement> security = operation.getValue().getSecurity();
                    if (security != null && !security.isEmpty()) {
                        anyProtected = true;
                        security.forEach(requirement -> assertTrue(schemes.keySet().containsAll(requirement.keySet()),
                                name + " names an undeclared scheme: " + requirement.keySet()));
                        assertTrue(codes.containsAll(Set.of("401", "403", "429")), name + " documents refusals: " + codes);
                    }
                }
            }
            if (!service.equals("reporting-service")) {
                assertTrue(anyProtected, service + " has protected operations");
                io.swagger.v3.oas.models.security.SecurityScheme apiKey = schemes.get("api-key");
                assertNotNull(apiKey, service + " declares the api-key scheme");
                assertEquals(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY, apiKey.getType());
                assertEquals(io.swagger.v3.oas.models.security.SecurityScheme.In.HEADER, apiKey.getIn());
                assertEquals("X-API-Key", apiKey.getName());
            }
        }
    }

    @Test
    @Order(8)
    void swaggerUiOnTheManagementPortCanUploadThroughTheApiPort() throws Exception {
        ServiceProcess ingestion = stack.service("ingestion-service");
        HttpClient http = HttpClient.newHttpClient();
        String document = http.send(HttpRequest.newBuilder(URI.create(ingestion.managementUrl() + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertEquals(ingestion.url(), JSON.readTree(document).at("/servers/0/url").asText(), "Try it out sends to the API port");

        URI upload = URI.create(ingestion.url() + "/api/observations");
        HttpResponse<Void> preflight = http.send(HttpRequest.newBuilder(upload).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ingestion.managementUrl()).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-api-key,content-type").build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(ingestion.managementUrl(), preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("x-api-key"),
                "the preflight allows the API key's header");

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(upload).header("Origin", ingestion.managementUrl())
                .header("Sec-Fetch-Site", "same-site").header("Content-Type", "application/json").header("X-API-Key", stack.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(observation("110000", "high_skill_talent", "万人", 115))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(ingestion.managementUrl(), answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    private static void assertConforms(JsonSchema schema, JsonNode node, ConsumerRecord<String, String> record) {
        Set<ValidationMessage> violations = schema.validate(node);
        assertTrue(violations.isEmpty(), record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                + AsyncApiContract.describe(violations));
    }

    /** The record's headers as a JSON object of strings, the last value of a repeated header. */
    private static JsonNode headers(ConsumerRecord<String, String> record) {
        com.fasterxml.jackson.databind.node.ObjectNode headers = JSON.createObjectNode();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    private static String observation(String region, String indicator, String unit, double value) throws Exception {
        return JSON.writeValueAsString(Map.of("observationId", UUID.randomUUID().toString(), "region", region, "indicator", indicator,
                "period", "2022", "value", value, "unit", unit, "source", "end-to-end test"));
    }

    private static void send(String value) throws Exception {
        producer.send(new ProducerRecord<>("indicator-observations", value)).get();
    }

    /** The latest report for the key that satisfies the condition, read as a downstream consumer would. */
    private static JsonNode awaitReport(Predicate<JsonNode> condition) throws Exception {
        return awaitReport(condition, Duration.ZERO);
    }

    /**
     * The first matching report or, when {@code settled} is not zero, the last one once no report of the key came for
     * that long: the observations of one send may reach scoring in several batches, and a version built from part of
     * them can already rank every region.
     */
    private static JsonNode awaitReport(Predicate<JsonNode> condition, Duration settled) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode last = null;
        Instant lastArrival = Instant.now();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("index-reports"));
            while (Instant.now().isBefore(deadline) && (last == null || Instant.now().isBefore(lastArrival.plus(settled)))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    assertEquals("1.0", event.path("specversion").asText());
                    assertEquals("org.talentindex.index-report.v1", event.path("type").asText());
                    assertEquals(record.key(), event.path("subject").asText());
                    JsonNode report = event.path("data");
                    if (KEY.equals(record.key())) {
                        lastArrival = Instant.now();
                        last = condition.test(report) ? report : null;
                        if (last != null && settled.isZero()) {
                            return last;
                        }
                    }
                }
            }
        }
        if (last == null) {
            throw new AssertionError("No matching report for " + KEY + " on index-reports");
        }
        return last;
    }

    private static List<ConsumerRecord<String, String>> consumeUntil(String topic, Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            while (!enough.test(records) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        assertTrue(enough.test(records), "not enough records on " + topic + ": " + records.size());
        return records;
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(), "group.id", "e2e-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean isValid(String schemaName, JsonNode document) throws Exception {
        Path file = stack.home().resolve("contracts/schemas/" + schemaName + ".schema.json");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            Set<ValidationMessage> violations = schema.validate(document);
            violations.forEach(v -> System.out.println(schemaName + ": " + v));
            return violations.isEmpty();
        }
    }
}

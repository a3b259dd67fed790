package org.talentindex.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.insufficient;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;

/**
 * Reads index-reports as a downstream team would, with a plain Kafka consumer from the start of the topic, and checks
 * every record: structured CloudEvent attributes, key, and data against contracts/schemas/index-report.schema.json.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(ScoringStub.class)
class IndexReportContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "jjj-talent-development/2045";
    private static final String PREVIOUS_PERIOD = "jjj-talent-development/2044";

    @Test
    void everyRecordOnIndexReportsIsAValidCloudEventWithAValidReport() throws Exception {
        ScoreUpdates.publish(PREVIOUS_PERIOD, 1, List.of(ranked("110000", 60, 1, Map.of("talent_stock", 60.0))));
        ScoreUpdates.awaitReportVersion(PREVIOUS_PERIOD, 1);
        ScoreUpdates.publish(KEY, 1, List.of(ranked("110000", 70, 1, Map.of("talent_stock", 70.0)), insufficient("130000")));
        ScoreUpdates.publish(KEY, 2, List.of(ranked("120000", 90, 1, Map.of("talent_stock", 90.0)),
                ranked("110000", 70, 2, Map.of("talent_stock", 70.0))));
        ScoreUpdates.publish(KEY, ScoreUpdates.event(KEY, 3, List.of(ranked("110000", 72, 2, Map.of("talent_stock", 72.0))),
                Map.of("110000", Map.of("high_skill_talent", 1.5, "patent_applications", 0.5)),
                ScoreUpdates.sensitivity(Map.of("120000", new double[] {1, 1, 1, 2}, "110000", new double[] {2, 1, 2, 2}))));
        ScoreUpdates.publish("industry-talent-deviation/2031", 1, List.of(
                ranked("120000", 0.4, 1, Map.of("primary", 0.1, "secondary", -0.1, "tertiary", 0.2)), insufficient("jjj")));
        ScoreUpdates.publish("human-capital-industry-coupling/2031", 1, List.of(
                ranked("310000", 0.82, 1, Map.of("human_capital", 0.9, "industry_structure", 0.75)), insufficient("620000")));
        ScoreUpdates.publish("ai-unemployment-early-warning/2031", 1, List.of(ranked("440000", 35, 1, Map.of("manufacturing", 50.0)),
                insufficient("620000")));

        List<ConsumerRecord<String, String>> records = readUntil(Set.of(KEY + "@3", PREVIOUS_PERIOD + "@1",
                "industry-talent-deviation/2031@1", "human-capital-industry-coupling/2031@1", "ai-unemployment-early-warning/2031@1"));
        JsonSchema schema = reportSchema();
        boolean analysed = false;
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            String context = record.topic() + "-" + record.partition() + "@" + record.offset();
            assertEquals("application/cloudevents+json", header(record, "content-type"), context);
            assertEquals("1.0", event.path("specversion").asText(), context);
            assertEquals("org.talentindex.index-report.v1", event.path("type").asText(), context);
            assertEquals("urn:talentindex:reporting-service", event.path("source").asText(), context);
            assertEquals(record.key(), event.path("subject").asText(), context);
            assertEquals("application/json", event.path("datacontenttype").asText(), context);
            assertEquals("https://talentindex.org/contracts/index-report.schema.json", event.path("dataschema").asText(), context);
            assertNotNull(OffsetDateTime.parse(event.path("time").asText()), context);

            JsonNode report = event.path("data");
            assertEquals(record.key(), report.path("frameworkId").asText() + "/" + report.path("period").asText(), context);
            assertEquals(report.path("version").asLong(), event.path("reportversion").asLong(), context);
            assertEquals(record.key() + "/v" + report.path("version").asLong(), event.path("id").asText(), context);
            Set<ValidationMessage> violations = schema.validate(report);
            assertTrue(violations.isEmpty(), context + ": " + violations);
            analysed |= report.has("sensitivity") && report.has("latestChange");

            CloudEvent parsed = new CloudEventDeserializer().deserialize(record.topic(), record.headers(),
                    record.value().getBytes(StandardCharsets.UTF_8));
            assertEquals(report, JSON.readTree(parsed.getData().toBytes()), context + " reads back with the CloudEvents Kafka binding");
        }
        assertFalse(records.isEmpty());
        assertTrue(analysed, "a report with rank intervals and the latest change was validated");
        System.out.printf("index-reports contract: %d records validated%n", records.size());
    }

    /** Every record from the start of the topic until the reports named key@version have all been read. */
    private static List<ConsumerRecord<String, String>> readUntil(Set<String> expected) throws Exception {
        Set<String> missing = new HashSet<>(expected);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contract-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("index-reports"));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(record);
                    missing.remove(record.key() + "@" + JSON.readTree(record.value()).path("data").path("version").asLong());
                    if (missing.isEmpty()) {
                        return records;
                    }
                }
            }
        }
        throw new AssertionError("Not on index-reports: " + missing + "; read " + records.size());
    }

    private static JsonSchema reportSchema() throws Exception {
        try (InputStream in = IndexReportContractTest.class.getResourceAsStream("/contracts/schemas/index-report.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

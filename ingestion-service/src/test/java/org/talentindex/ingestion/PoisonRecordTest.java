package org.talentindex.ingestion;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talentindex.ingestion.ApiClients.asClient;
import static org.talentindex.ingestion.ApiClients.asReader;
import static org.talentindex.ingestion.KafkaDoor.header;
import static org.talentindex.ingestion.KafkaDoor.utf8;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

/**
 * A record that cannot be stored or dead-lettered as it is affects that record alone: through both doors the records
 * after it are stored within seconds, and it is refused with its reason.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class PoisonRecordTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Fits the topic's record limit (1 MiB + 12 bytes), but not with the dead-letter headers added. */
    private static final int NEAR_THE_RECORD_LIMIT = 1_048_400;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRecordWithThousandsOfUnknownFieldsIsADeadLetterWithABoundedReason() {
        String run = UUID.randomUUID().toString();
        Map<String, byte[]> records = new LinkedHashMap<>();
        records.put(run + "/wide", utf8(observation(run, 1, null).replace("}", unknownFields(5_000) + "}")));
        records.put(run + "/after", utf8(observation(run, 2, null)));
        KafkaDoor.sendInOrder(records);

        ConsumerRecord<String, byte[]> deadLetter = KafkaDoor.deadLetters(run, 1, PATIENCE).get(run + "/wide");
        assertEquals("SCHEMA_VIOLATION", header(deadLetter, "reason-code"));
        assertTrue(header(deadLetter, "reason-message").length() <= 1001, header(deadLetter, "reason-message"));
        awaitStoredValues(run, List.of(2.0f));
    }

    @Test
    void aDeadLetterTooLargeForTheTopicIsSentCutSayingWhereItCameFromAndHowLargeItWas() {
        String run = UUID.randomUUID().toString();
        String prefix = observation(run, 1, null).replace("}", unknownFields(5) + ",\"padding\":\"");
        String tooLarge = prefix + "x".repeat(NEAR_THE_RECORD_LIMIT - utf8(prefix).length - 2) + "\"}";
        Map<String, byte[]> records = new LinkedHashMap<>();
        records.put(run + "/large", utf8(tooLarge));
        records.put(run + "/after", utf8(observation(run, 2, null)));
        KafkaDoor.sendInOrder(records);

        ConsumerRecord<String, byte[]> deadLetter = KafkaDoor.deadLetters(run, 1, PATIENCE).get(run + "/large");
        assertEquals("SCHEMA_VIOLATION", header(deadLetter, "reason-code"));
        assertEquals("true", header(deadLetter, "truncated"));
        assertEquals(Integer.toString(utf8(tooLarge).length), header(deadLetter, "original-size"));
        assertEquals(KafkaDoor.OBSERVATIONS, header(deadLetter, "source-topic"));
        assertEquals("0", header(deadLetter, "source-partition"));
        assertTrue(header(deadLetter, "source-offset").matches("\\d+"));
        assertEquals(1024, deadLetter.value().length);
        awaitStoredValues(run, List.of(2.0f));
    }

    @Test
    void textPostgreSqlCannotStoreIsRefusedOnBothDoors() {
        String run = UUID.randomUUID().toString();
        Map<String, byte[]> records = new LinkedHashMap<>();
        records.put(run + "/nul-source", utf8(observation(run, 1, null).replace("\"source\":\"", "\"source\":\"\\u0000")));
        records.put(run + "/nul-id", utf8(observation(run, 2, "id\\u0000" + run)));
        records.put(run + "/after", utf8(observation(run, 3, null)));
        KafkaDoor.sendInOrder(records);

        Map<String, ConsumerRecord<String, byte[]>> deadLetters = KafkaDoor.deadLetters(run, 2, PATIENCE);
        assertEquals("INVALID_TEXT", header(deadLetters.get(run + "/nul-source"), "reason-code"));
        assertEquals("INVALID_TEXT", header(deadLetters.get(run + "/nul-id"), "reason-code"));
        awaitStoredValues(run, List.of(3.0f));

        String restRun = UUID.randomUUID().toString();
        asClient().contentType("application/json")
                .body("[" + observation(restRun, 4, null) + "," + observation(restRun, 5, "\\ud800" + restRun) + ","
                        + observation(restRun, 6, null) + "]")
                .post("/api/observations").then().statusCode(422)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("problems[0].row", equalTo(2)).body("problems[0].reason", equalTo("INVALID_TEXT"));
        awaitStoredValues(restRun, List.of(4.0f, 6.0f));
    }

    @Test
    void aRecordPostgreSqlRefusesIsRefusedAloneOnBothDoorsAndTheOthersAreStored() throws Exception {
        String run = UUID.randomUUID().toString();
        refuseInDatabase("poison " + run);
        try {
            Map<String, byte[]> records = new LinkedHashMap<>();
            records.put(run + "/before", utf8(observation(run, 1, null)));
            records.put(run + "/poison", utf8(observation(run, 2, null).replace("\"source\":\"", "\"source\":\"poison ")));
            records.put(run + "/after", utf8(observation(run, 3, null)));
            KafkaDoor.sendInOrder(records);

            ConsumerRecord<String, byte[]> deadLetter = KafkaDoor.deadLetters(run, 1, PATIENCE).get(run + "/poison");
            assertEquals("UNPROCESSABLE", header(deadLetter, "reason-code"));
            awaitStoredValues(run, List.of(1.0f, 3.0f));

            asClient().contentType("application/json")
                    .body("[" + observation(run, 4, null) + "," + observation(run, 5, null).replace("\"source\":\"", "\"source\":\"poison ")
                            + "," + observation(run, 6, null) + "]")
                    .post("/api/observations").then().statusCode(422)
                    .body("accepted", equalTo(2)).body("problems[0].row", equalTo(2)).body("problems[0].reason", equalTo("UNPROCESSABLE"));
            awaitStoredValues(run, List.of(1.0f, 3.0f, 4.0f, 6.0f));
        } finally {
            execute("drop trigger refuse_poison on observation");
        }
    }

    @Test
    void anObservationIdResentWithOtherContentIsRefusedOnBothDoorsAndAnIdenticalOneIsADuplicate() {
        String run = UUID.randomUUID().toString();
        String id = "id-" + run;
        asClient().contentType("application/json").body("[" + observation(run, 1, id) + "]").post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));
        asClient().contentType("application/json").body("[" + observation(run, 1, id) + "," + observation(run, 2, id) + "]")
                .post("/api/observations").then().statusCode(422)
                .body("duplicate", equalTo(1)).body("rejected", equalTo(1))
                .body("problems[0].row", equalTo(2)).body("problems[0].reason", equalTo("CONFLICTING_OBSERVATION_ID"));

        Map<String, byte[]> records = new LinkedHashMap<>();
        records.put(run + "/same", utf8(observation(run, 1, id)));
        records.put(run + "/other", utf8(observation(run, 3, id)));
        records.put(run + "/new-id-other-content", utf8(observation(run, 4, "other-" + id)));
        KafkaDoor.sendInOrder(records);
        Map<String, ConsumerRecord<String, byte[]>> deadLetters = KafkaDoor.deadLetters(run, 1, PATIENCE);
        assertEquals("CONFLICTING_OBSERVATION_ID", header(deadLetters.get(run + "/other"), "reason-code"));
        awaitStoredValues(run, List.of(1.0f, 4.0f));
        assertEquals(List.of(run + "/other"), List.copyOf(KafkaDoor.deadLetters(run, 2, Duration.ofSeconds(2)).keySet()));
    }

    @Test
    void jsonWithTrailingContentOrDuplicateKeysIsRefusedNamingTheRow() {
        String run = UUID.randomUUID().toString();
        asClient().contentType("application/json").body("[" + observation(run, 1, null) + "][" + observation(run, 2, null) + "]")
                .post("/api/observations").then().statusCode(422)
                .body("accepted", equalTo(1)).body("problems[0].row", equalTo(2)).body("problems[0].reason", equalTo("MALFORMED_JSON"));
        asClient().contentType("application/json").body("[" + observation(run, 3, null).replace("}", ",\"value\":9999}") + "]")
                .post("/api/observations").then().statusCode(422)
                .body("accepted", equalTo(0)).body("problems[0].row", equalTo(1)).body("problems[0].reason", equalTo("MALFORMED_JSON"));
        awaitStoredValues(run, List.of(1.0f));
    }

    @Test
    void theConsumerIsReportedLive() {
        RestAssured.get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItem("observation-consumer"));
    }

    private void refuseInDatabase(String sourcePrefix) throws Exception {
        execute("""
                create or replace function refuse_poison() returns trigger language plpgsql as $$
                begin
                    if new.source like '%s%%' then
                        raise exception 'poison record' using errcode = '22023';
                    end if;
                    return new;
                end $$""".formatted(sourcePrefix));
        execute("create trigger refuse_poison before insert on observation for each row execute function refuse_poison()");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Values of new-materials / job_postings / 2031, one cell per run (its source names the run). */
    private static String observation(String run, double value, String observationId) {
        return "{" + (observationId == null ? "" : "\"observationId\":\"" + observationId + "\",")
                + "\"region\":\"new-materials\",\"indicator\":\"job_postings\",\"period\":\"2031\",\"value\":" + value
                + ",\"unit\":\"人\",\"source\":\"" + run + "\"}";
    }

    private static void awaitStoredValues(String run, List<Float> values) {
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(values, asReader()
                .queryParam("region", "new-materials").queryParam("indicator", "job_postings").queryParam("period", "2031")
                .get("/api/observations").jsonPath().getList("findAll { it.source.endsWith('" + run + "') }.valueReceived")));
    }

    private static String unknownFields(int count) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            fields.append(",\"unknown_field_number_").append(i).append("\":\"vvvvvvvvvv\"");
        }
        return fields.toString();
    }
}

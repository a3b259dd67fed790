package org.talentindex.ingestion;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talentindex.ingestion.ApiClients.asClient;
import static org.talentindex.ingestion.ApiClients.asReader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.talentindex.ingestion.MalformedInputCorpus.Case;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;

/**
 * Every malformed input through both doors (Kafka topic and REST) gets its documented reason, every borderline one that
 * is valid is taken; the service stays up.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class MalformedInputCorpusTest {

    private static final List<Case> CASES = MalformedInputCorpus.cases();

    @TestHTTPResource("/api/observations")
    URI observations;

    @Test
    void theCorpusIsLargeEnough() {
        assertTrue(CASES.size() >= 200, "cases: " + CASES.size());
    }

    @Test
    void throughKafkaEveryCaseIsADeadLetterWithItsReasonAndValidRecordsAroundThemAreStored() {
        String run = UUID.randomUUID().toString();
        int validCount = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < CASES.size(); i++) {
                producer.send(new ProducerRecord<>("indicator-observations", run + "/" + i, CASES.get(i).bytes()));
                if (i % 10 == 0) {
                    validCount++;
                    String valid = "{\"region\":\"120000\",\"indicator\":\"high_skill_talent\",\"period\":\"2031\",\"value\":" + (i + 1)
                            + ",\"unit\":\"万人\",\"source\":\"kafka corpus " + run + "\"}";
                    producer.send(new ProducerRecord<>("indicator-observations", run + "/valid/" + i, valid.getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }

        int expectedValid = validCount;
        long refusedCount = CASES.stream().filter(corpusCase -> !corpusCase.accepted()).count();
        Map<String, String> reasons = deadLetterReasons(run, (int) refusedCount, Duration.ofSeconds(90));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            String got = reasons.get(run + "/" + i);
            String expected = CASES.get(i).accepted() ? null : CASES.get(i).reason();
            if (!Objects.equals(expected, got)) {
                wrong.add(CASES.get(i).name() + ": expected " + CASES.get(i).reason() + ", got " + got);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(refusedCount, reasons.size(), "only the malformed records are dead letters");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> asReader()
                .queryParam("region", "120000").queryParam("indicator", "high_skill_talent").queryParam("period", "2031")
                .get("/api/observations").jsonPath().getList("findAll { it.source == 'kafka corpus " + run + "' }").size() == expectedValid);
        RestAssured.get("/q/health").then().statusCode(200);
    }

    @Test
    void throughRestEveryCaseIsRefusedWithItsReason() {
        List<String> wrong = new ArrayList<>();
        for (Case corpusCase : CASES) {
            Response response = asClient().contentType("application/json").body(corpusCase.bytes()).post("/api/observations");
            JsonPath body = response.jsonPath();
            if (corpusCase.accepted()) {
                if (response.statusCode() != 200 || body.getInt("accepted") + body.getInt("duplicate") != 1) {
                    wrong.add(corpusCase.name() + ": expected it accepted, got " + response.statusCode() + " " + response.asString());
                }
                continue;
            }
            String reason = response.statusCode() == 400 ? body.getString("reason") : body.getString("problems[0].reason");
            boolean countsAddUp = response.statusCode() == 400
                    || body.getInt("received") == body.getInt("accepted") + body.getInt("duplicate") + body.getInt("rejected");
            if (!corpusCase.reason().equals(reason) || !(response.statusCode() == 400 || response.statusCode() == 422) || !countsAddUp) {
                wrong.add(corpusCase.name() + ": expected " + corpusCase.reason() + ", got " + response.statusCode() + " " + reason);
            }
        }
        assertEquals(List.of(), wrong);
        RestAssured.get("/q/health").then().statusCode(200);
    }

    @Test
    void aCsvWithChineseHeadersQuotedCommasAndBrokenRowsKeepsItsValidRows() throws Exception {
        String run = UUID.randomUUID().toString();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Charset utf8 = StandardCharsets.UTF_8;
        csv.write("地区,指标,年份,数值,单位,来源\n".getBytes(utf8));
        csv.write(("北京市,high_skill_talent,2032,101,万人,\"统计年鉴, 表 3-1 " + run + "\"\n").getBytes(utf8));        // 1 accepted
        csv.write(("天津,高技能人才,2032年,\"1,020,000\",人,\"Yearbook, table 2 " + run + "\"\n").getBytes(utf8));      // 2 accepted
        csv.write(("130000,high_skill_talent,2032,NaN,万人,nan " + run + "\n").getBytes(utf8));                         // 3 NOT_FINITE
        csv.write(("130000,high_skill_talent,2032,,万人,empty " + run + "\n").getBytes(utf8));                          // 4 MISSING_FIELD
        csv.write(("130000,high_skill_talent,2032,1e999,万人,huge " + run + "\n").getBytes(utf8));                      // 5 NOT_FINITE
        csv.write("130000,high_skill_talent,2032,5,万人,".getBytes(utf8));                                             // 6 BAD_ENCODING
        csv.write(("统计年鉴 " + run + "\n").getBytes(Charset.forName("GBK")));
        csv.write(("130000,high_skill_talent,2032,5,万人,unquoted, comma " + run + "\n").getBytes(utf8));               // 7 MALFORMED_CSV
        csv.write(("130000,high_skill_talent,2032,5,万人," + "长".repeat(300_000) + "\n").getBytes(utf8));             // 8 FIELD_TOO_LONG
        csv.write(("130000,no_such,2032,5,万人,unknown " + run + "\n").getBytes(utf8));                                 // 9 UNKNOWN_INDICATOR
        csv.write(("130000,high_skill_talent,2032,103,万人,\"quoted \"\"name\"\", ok " + run + "\"\n").getBytes(utf8)); // 10 accepted
        csv.write(("北京市,high_skill_talent,2032,101,万人,\"统计年鉴, 表 3-1 " + run + "\"\n").getBytes(utf8));        // 11 duplicate of 1

        asClient().contentType("text/csv; charset=UTF-8").body(csv.toByteArray()).post("/api/observations")
                .then().statusCode(422)
                .body("received", equalTo(11)).body("accepted", equalTo(3)).body("duplicate", equalTo(1)).body("rejected", equalTo(7))
                .body("problems.row", equalTo(List.of(3, 4, 5, 6, 7, 8, 9)))
                .body("problems.reason", equalTo(List.of("NOT_FINITE", "MISSING_FIELD", "NOT_FINITE", "BAD_ENCODING",
                        "MALFORMED_CSV", "FIELD_TOO_LONG", "UNKNOWN_INDICATOR")));
        asReader().queryParam("region", "120000").queryParam("indicator", "high_skill_talent").queryParam("period", "2032")
                .get("/api/observations").then().statusCode(200)
                .body("findAll { it.source == 'Yearbook, table 2 " + run + "' }.canonicalValue", equalTo(List.of(102.0f)));
    }

    @Test
    void aHundredMegabyteUploadIsRefusedWhileStreamingAndTheServiceStaysUp() throws Exception {
        long size = 100L * 1024 * 1024;
        byte[] header = "region,indicator,period,value,unit,source\n".getBytes(StandardCharsets.UTF_8);
        byte[] line = "110000,high_skill_talent,2033,1,万人,one hundred megabytes\n".getBytes(StandardCharsets.UTF_8);
        InputStream lines = new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent < size ? line[(int) (sent++ % line.length)] : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - sent);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = line[(int) ((sent + i) % line.length)];
                }
                sent += n;
                return n;
            }
        };
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(observations).header(ApiClients.KEY_HEADER, "test-key")
                    .header("Content-Type", "text/csv; charset=UTF-8").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(header), lines)))
                    .build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException closedWhileSending) {
            status = 413;
        }
        assertEquals(413, status);
        RestAssured.get("/q/health").then().statusCode(200);
        asClient().contentType("text/csv; charset=UTF-8").body("region,indicator,period,value,unit,source\n"
                        + "110000,high_skill_talent,2033,2,万人,after the big one " + UUID.randomUUID() + "\n")
                .post("/api/observations").then().statusCode(200).body("accepted", equalTo(1));
    }

    private static Map<String, String> deadLetterReasons(String run, int expected, Duration patience) {
        Map<String, String> reasons = new HashMap<>();
        KafkaDoor.deadLetters(run + "/", expected, patience)
                .forEach((key, record) -> reasons.put(key, KafkaDoor.header(record, "reason-code")));
        return reasons;
    }
}

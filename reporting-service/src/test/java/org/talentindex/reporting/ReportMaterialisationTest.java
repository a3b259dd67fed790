package org.talentindex.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.talentindex.reporting.service.KeyOutcome;
import org.talentindex.reporting.service.ReportService;
import org.talentindex.reporting.service.ScoreUpdate;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;

/** Versions applied in order, once, in batches; a gap is not applied; a batch never builds on state it did not store. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportMaterialisationTest {

    @Inject
    ReportService reports;

    @Inject
    AgroalDataSource database;

    private static final String KEY = "jjj-talent-development/2030";
    private static final String PATH = "/api/reports/" + KEY;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void versionsAreAppliedInOrderOnceAGapIsNotAppliedAndAnUnreadableEventIsSkipped() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            send(producer, update(1, change("110000", 100, 1, null) + "," + change("120000", 0, 2, null)));
            awaitVersion(1);
            given().get(PATH).then().body("ranking[0].region", equalTo("110000"))
                    .body("ranking[0].regionName.en", equalTo("Beijing")).body("names.zh", equalTo("京津冀人才发展指数"));

            send(producer, update(1, change("110000", 1, 2, null)));
            send(producer, "not json");
            send(producer, update(2, change("120000", 100, 1, null).replace(",\"rank\":1", "")));
            send(producer, update(3, change("110000", 1, 2, null)));
            send(producer, update(2, change("120000", 100, 1, "{\"score\":0,\"rank\":2,\"levels\":{}}") + "," + change("110000", 0, 2, null)));
            awaitVersion(2);
            given().get(PATH).then()
                    .body("ranking[0].region", equalTo("120000")).body("ranking[0].rankChange", equalTo(1))
                    .body("ranking[1].region", equalTo("110000")).body("ranking[1].rankChange", equalTo(-1));
        }
        given().header("If-None-Match", "\"2\"").get(PATH).then().statusCode(304);
        given().queryParam("bom", true).get(PATH + ".csv").then().statusCode(200)
                .body(startsWith("\uFEFFrank,region,name_zh,name_en,score")).body(containsString("1,120000,天津市,Tianjin,100.0"));
    }

    @Test
    void severalVersionsOfAKeyInOnePollBecomeOneReportAtTheLastVersion() throws Exception {
        String key = "jjj-talent-development/2033";
        ScoreUpdates.publish(key, 1, List.of(ranked("110000", 100, 1, Map.of()), ranked("120000", 50, 2, Map.of()),
                ranked("130000", 30, 3, Map.of())));
        ScoreUpdates.awaitReportVersion(key, 1);

        // one producer batch: the broker stores the five versions together and one fetch returns them all
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 1000), new StringSerializer(), new StringSerializer())) {
            List.of(ScoreUpdates.event(key, 2, List.of(ranked("130000", 60, 2, Map.of()), ranked("120000", 50, 3, Map.of()))),
                    ScoreUpdates.event(key, 3, List.of(ranked("130000", 110, 1, Map.of()), ranked("110000", 100, 2, Map.of()))),
                    ScoreUpdates.event(key, 4, List.of(ranked("120000", 55, 3, Map.of()))),
                    ScoreUpdates.event(key, 5, List.of(ranked("110000", 105, 2, Map.of()))),
                    ScoreUpdates.event(key, 6, List.of(ranked("110000", 120, 1, Map.of()), ranked("130000", 110, 2, Map.of()))))
                    .forEach(event -> producer.send(new ProducerRecord<>("score-updates", key, event)));
            producer.flush();
        }

        List<JsonNode> published = IndexReports.of(key, 6);
        assertEquals(List.of(1L, 6L), published.stream().map(report -> report.path("version").asLong()).toList());
        given().get("/api/reports/" + key).then()
                .body("version", equalTo(6))
                .body("ranking.region", contains("110000", "130000", "120000"))
                .body("ranking.score", contains(120.0f, 110.0f, 55.0f))
                .body("ranking.rankChange", contains(1, -1, 0));
        assertEquals(published.get(1).path("ranking"), JSON.readTree(given().get("/api/reports/" + key).asString()).path("ranking"));
    }

    @Test
    void aBatchStartsFromTheStoredStateWhenTheKeyChangedElsewhereOrAnEarlierBatchFailed() throws Exception {
        String key = "jjj-talent-development/2036";
        reports.apply(List.of(scoreUpdate(key, 1, List.of(ranked("110000", 100, 1, Map.of()), ranked("120000", 50, 2, Map.of())))));

        // another instance materialised version 2 meanwhile
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update report_region set score = 77 where framework_id = 'jjj-talent-development' "
                    + "and period = '2036' and region = '120000'");
            statement.executeUpdate("update report set version = 2 where framework_id = 'jjj-talent-development' and period = '2036'");
        }
        reports.apply(List.of(scoreUpdate(key, 3, List.of(ranked("110000", 90, 1, Map.of())))));
        given().get("/api/reports/" + key).then().body("version", equalTo(3))
                .body("ranking.region", contains("110000", "120000")).body("ranking.score", contains(90.0f, 77.0f));

        String tooLongForTheRegionColumn = "1".repeat(100);
        assertThrows(RuntimeException.class, () -> reports.apply(List.of(scoreUpdate(key, 4,
                List.of(ranked("110000", 10, 2, Map.of()), ranked(tooLongForTheRegionColumn, 95, 1, Map.of()))))));
        reports.apply(List.of(scoreUpdate(key, 4, List.of(ranked("110000", 95, 1, Map.of())))));
        given().get("/api/reports/" + key).then().body("version", equalTo(4))
                .body("ranking.region", contains("110000", "120000")).body("ranking.score", contains(95.0f, 77.0f));
    }

    @Test
    void aRankChangeMovesTheRankAloneAndOneOfARegionNotHeldIsResynced() throws Exception {
        String key = "jjj-talent-development/2037";
        reports.apply(List.of(scoreUpdate(key, 1, List.of(ranked("110000", 100, 1, Map.of("talent_stock", 90.0)),
                ranked("120000", 50, 2, Map.of("talent_stock", 45.0)), ranked("130000", 40, 3, Map.of("talent_stock", 35.0))))));
        reports.apply(List.of(read(ScoreUpdates.event(key, 2, List.of(ranked("130000", 60, 2, Map.of("talent_stock", 55.0))),
                Map.of("120000", 3)))));
        given().get("/api/reports/" + key).then().body("version", equalTo(2))
                .body("ranking.region", contains("110000", "130000", "120000"))
                .body("ranking.score", contains(100.0f, 60.0f, 50.0f))
                .body("ranking.levels.talent_stock", contains(90.0f, 55.0f, 45.0f))
                .body("ranking.rankChange", contains(0, 1, -1));

        List<KeyOutcome> outcomes = reports.apply(List.of(read(ScoreUpdates.event(key, 3, List.of(), Map.of("140000", 4)))));
        assertEquals(OptionalLong.of(3), outcomes.get(0).gapVersion(), "a region re-ranked but never published: resync");
        given().get("/api/reports/" + key).then().body("version", equalTo(2));
    }

    @Test
    void aBatchOfTwoPeriodsComparesTheLaterWithTheEarlierAsTheBatchLeavesIt() throws Exception {
        String earlier = "digital-infrastructure/2030";
        String later = "digital-infrastructure/2031";
        reports.apply(List.of(scoreUpdate(later, 1, List.of(ranked("city-001", 90, 1, Map.of()), ranked("city-002", 80, 2, Map.of()))),
                scoreUpdate(earlier, 1, List.of(ranked("city-001", 100, 1, Map.of()), ranked("city-002", 50, 2, Map.of())))));
        given().get("/api/reports/" + later).then().body("version", equalTo(1)).body("previousPeriod", equalTo("2030"))
                .body("ranking.previousPeriodRank", contains(1, 2));

        reports.apply(List.of(scoreUpdate(later, 2, List.of(ranked("city-001", 95, 1, Map.of()))),
                scoreUpdate(earlier, 2, List.of(ranked("city-002", 120, 1, Map.of()), ranked("city-001", 100, 2, Map.of())))));
        given().get("/api/reports/" + later).then().body("version", equalTo(2))
                .body("ranking.region", contains("city-001", "city-002"))
                .body("ranking.previousPeriodRank", contains(2, 1))
                .body("ranking.rankChangeVsPreviousPeriod", contains(1, -1));
        given().get("/api/reports/" + earlier).then().body("version", equalTo(2)).body("ranking.region", contains("city-002", "city-001"));
    }

    private static ScoreUpdate scoreUpdate(String key, long version, List<ScoreUpdates.RegionScores> changes) throws Exception {
        return read(ScoreUpdates.event(key, version, changes));
    }

    private static ScoreUpdate read(String event) throws Exception {
        return ScoreUpdate.read(ScoreUpdate.reader(JSON), event.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitVersion(int version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(PATH).then().statusCode(200).body("version", equalTo(version)));
    }

    private static void send(KafkaProducer<String, String> producer, String value) throws Exception {
        producer.send(new ProducerRecord<>("score-updates", KEY, value)).get();
    }

    private static String update(int version, String changes) {
        return "{\"frameworkId\":\"jjj-talent-development\",\"period\":\"2030\",\"version\":" + version
                + ",\"computedAt\":\"2030-01-01T00:00:00Z\",\"regionCount\":2,\"changes\":[" + changes + "],\"cause\":[\"t\"]}";
    }

    private static String change(String region, double score, int rank, String old) {
        return "{\"region\":\"" + region + "\",\"status\":\"RANKED\",\"old\":" + old + ",\"new\":{\"score\":" + score
                + ",\"rank\":" + rank + ",\"levels\":{\"talent_stock\":" + score + "}}}";
    }
}

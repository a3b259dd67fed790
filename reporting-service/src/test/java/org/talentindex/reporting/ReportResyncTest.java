package org.talentindex.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.talentindex.reporting.ScoreUpdates.RegionScores;
import org.talentindex.testsupport.InfrastructureTestResource;

/** A score-updates version that never arrives: the next one triggers a resync from scoring and the report is the full state. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(ScoringStub.class)
class ReportResyncTest {

    private static final String KEY = "jjj-talent-development/2031";

    @Test
    void aDroppedVersionLeadsToAResyncAndTheFullState() {
        ScoreUpdates.publish(KEY, 1, List.of(
                ranked("110000", 80, 1, Map.of("talent_stock", 80.0)),
                ranked("120000", 60, 2, Map.of("talent_stock", 60.0)),
                ranked("130000", 40, 3, Map.of("talent_stock", 40.0))));
        ScoreUpdates.awaitReportVersion(KEY, 1);

        // version 2 (Hebei to 90, first) is lost; version 3 moves Tianjin to the top and names only what it changed
        List<RegionScores> fullStateAtVersion3 = List.of(
                ranked("120000", 95, 1, Map.of("talent_stock", 95.0)),
                ranked("130000", 90, 2, Map.of("talent_stock", 90.0)),
                ranked("110000", 80, 3, Map.of("talent_stock", 80.0)));
        ScoringStub.serve(KEY, ScoreUpdates.snapshot(KEY, 3, fullStateAtVersion3));
        ScoreUpdates.publish(KEY, 3, List.of(fullStateAtVersion3.get(0),
                ranked("130000", 90, 2, Map.of("talent_stock", 90.0)), fullStateAtVersion3.get(2)));
        ScoreUpdates.awaitReportVersion(KEY, 3);

        given().get("/api/reports/" + KEY).then()
                .body("ranking.region", contains("120000", "130000", "110000"))
                .body("ranking.score", contains(95.0f, 90.0f, 80.0f))
                .body("ranking.levels.talent_stock", contains(95.0f, 90.0f, 80.0f))
                .body("ranking.rankChange", contains(1, 1, -2))
                .body("insufficientData", empty());
        assertEquals(1, ScoringStub.requests(KEY), "one resync request to scoring");
        given().get("/q/metrics").then().body(containsString("reporting_resyncs_total"));

        // the lost version turning up late changes nothing; the next one applies on top of the resynced state
        ScoreUpdates.publish(KEY, 2, List.of(ranked("130000", 90, 1, Map.of("talent_stock", 90.0))));
        ScoreUpdates.publish(KEY, 4, List.of(ranked("110000", 99, 1, Map.of("talent_stock", 99.0)),
                ranked("120000", 95, 2, Map.of("talent_stock", 95.0)), ranked("130000", 90, 3, Map.of("talent_stock", 90.0))));
        ScoreUpdates.awaitReportVersion(KEY, 4);
        given().get("/api/reports/" + KEY).then()
                .body("ranking.region", contains("110000", "120000", "130000"))
                .body("ranking.score", contains(99.0f, 95.0f, 90.0f));
        assertEquals(1, ScoringStub.requests(KEY), "no further resync");
    }

    @Test
    void aResyncThatScoringCannotAnswerYetIsRetriedUntilItCan() {
        String key = "jjj-talent-development/2032";
        ScoreUpdates.publish(key, 1, List.of(ranked("110000", 50, 1, Map.of()), ranked("120000", 40, 2, Map.of())));
        ScoreUpdates.awaitReportVersion(key, 1);

        ScoreUpdates.publish(key, 5, List.of(ranked("120000", 70, 1, Map.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> ScoringStub.requests(key) >= 2);
        given().get("/api/reports/" + key).then().body("version", equalTo(1));

        ScoringStub.serve(key, ScoreUpdates.snapshot(key, 5, List.of(ranked("120000", 70, 1, Map.of()), ranked("110000", 65, 2, Map.of()))));
        ScoreUpdates.awaitReportVersion(key, 5);
        given().get("/api/reports/" + key).then().body("ranking.region", contains("120000", "110000"))
                .body("ranking.score", contains(70.0f, 65.0f));
    }

    @Test
    void aRegionMissingFromTheResyncedStateLeavesTheReport() {
        String key = "jjj-talent-development/2034";
        ScoreUpdates.publish(key, 1, List.of(ranked("110000", 50, 1, Map.of()), ranked("120000", 40, 2, Map.of()),
                ranked("130000", 30, 3, Map.of())));
        ScoreUpdates.awaitReportVersion(key, 1);

        ScoringStub.serve(key, ScoreUpdates.snapshot(key, 3, List.of(ranked("130000", 60, 1, Map.of()), ranked("110000", 50, 2, Map.of()))));
        ScoreUpdates.publish(key, 3, List.of(ranked("130000", 60, 1, Map.of())));
        ScoreUpdates.awaitReportVersion(key, 3);
        given().get("/api/reports/" + key).then().body("ranking.region", contains("130000", "110000"))
                .body("insufficientData", empty());
        given().get("/api/frameworks/jjj-talent-development/regions/120000/history").then().body("periods.period", not(hasItem("2034")));
    }
}

package org.talentindex.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.insufficient;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.talentindex.reporting.ScoreUpdates.RegionScores;
import org.talentindex.testsupport.InfrastructureTestResource;

/** Rank intervals and the attribution of the latest change, from score-updates and from a resync, in every view of a report. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(ScoringStub.class)
class ReportAnalysisTest {

    private static final String FRAMEWORK = "jjj-talent-development";

    @Test
    void intervalsAndTheLatestAttributedChangeAreReportedUntilReplaced() throws Exception {
        String key = FRAMEWORK + "/2050";
        ScoreUpdates.publish(key, 1, List.of(
                ranked("110000", 80, 1, Map.of("talent_stock", 80.0)),
                ranked("120000", 60, 2, Map.of("talent_stock", 60.0)),
                ranked("130000", 40, 3, Map.of("talent_stock", 40.0))));
        Map<String, Double> beijing = new LinkedHashMap<>();
        beijing.put("high_skill_talent", 0.5);
        beijing.put("st_talent_rd_fte", -2.0);
        beijing.put("patent_applications", 1.0);
        beijing.put("x1", 0.25);
        beijing.put("x2", -0.75);
        beijing.put("x3", 0.125);
        beijing.put("x4", 0.375);
        ScoreUpdates.publish(key, ScoreUpdates.event(key, 2, List.of(
                        ranked("110000", 79.5, 1, Map.of("talent_stock", 79.5)), ranked("130000", 43, 3, Map.of("talent_stock", 43.0))),
                Map.of("110000", beijing, "130000", Map.of("patent_applications", 3.0)), null));
        ScoreUpdates.publish(key, ScoreUpdates.event(key, 3, List.of(), Map.of(), ScoreUpdates.sensitivity(Map.of(
                "110000", new double[] {1, 1, 1, 2}, "120000", new double[] {2, 1, 2, 3}, "130000", new double[] {3, 2, 3, 3},
                "999999", new double[] {4, 4, 4, 4}))));
        ScoreUpdates.awaitReportVersion(key, 3);

        given().get("/api/reports/" + key).then()
                .body("sensitivity.version", equalTo(3))
                .body("sensitivity.runs", equalTo(1000))
                .body("sensitivity.weightSpread", equalTo(0.2f))
                .body("sensitivity.regions.region", contains("110000", "120000", "130000"))
                .body("sensitivity.regions.p5", contains(1.0f, 1.0f, 2.0f))
                .body("sensitivity.regions.median", contains(1.0f, 2.0f, 3.0f))
                .body("sensitivity.regions.p95", contains(2.0f, 3.0f, 3.0f))
                .body("sensitivity.regions.width", contains(1.0f, 2.0f, 1.0f))
                .body("sensitivity.regions[0].regionName.en", equalTo("Beijing"))
                .body("latestChange.version", equalTo(2))
                .body("latestChange.cause", contains("test-2"))
                .body("latestChange.regions.region", contains("130000", "110000"))
                .body("latestChange.regions.scoreChange", contains(3.0f, -0.5f))
                .body("latestChange.regions[1].contributions.indicator",
                        contains("st_talent_rd_fte", "patent_applications", "x2", "high_skill_talent", "x4"))
                .body("latestChange.regions[1].contributions[0].names.zh", equalTo("科技人才"))
                .body("latestChange.regions[1].rest.indicators", equalTo(2))
                .body("latestChange.regions[1].rest.contribution", equalTo(0.375f))
                .body("latestChange.regions[0].rest", nullValue());
        given().get("/api/reports/" + key + ".csv").then()
                .body(startsWith("rank,region,name_zh,name_en,score,rank_change,rank_change_vs_previous_period,rank_p5,rank_median,rank_p95,"))
                .body(matchesPattern("(?s).*\n2,120000,天津市,Tianjin,60.0,0,-?\\d*,1.0,2.0,3.0,60.0,\n.*"));

        List<JsonNode> published = IndexReports.of(key, 3);
        JsonNode atVersion3 = published.get(published.size() - 1);
        assertEquals(3, atVersion3.path("version").asInt());
        assertEquals(3, atVersion3.path("sensitivity").path("regions").size());
        assertEquals(2, atVersion3.path("latestChange").path("version").asInt());

        // a version without attribution keeps the latest change and the intervals, which stay valid until replaced
        ScoreUpdates.publish(key, 4, List.of(ranked("120000", 61, 2, Map.of("talent_stock", 61.0)), insufficient("130000")));
        ScoreUpdates.awaitReportVersion(key, 4);
        given().get("/api/reports/" + key).then()
                .body("sensitivity.version", equalTo(3))
                .body("sensitivity.regions.region", contains("110000", "120000"))
                .body("latestChange.version", equalTo(2));
    }

    @Test
    void aResyncReadsTheIntervalsScoringHasStored() {
        String key = FRAMEWORK + "/2051";
        ScoreUpdates.publish(key, 1, List.of(ranked("110000", 50, 1, Map.of()), ranked("120000", 40, 2, Map.of())));
        ScoreUpdates.awaitReportVersion(key, 1);

        List<RegionScores> atVersion4 = List.of(ranked("120000", 70, 1, Map.of()), ranked("110000", 65, 2, Map.of()));
        ScoringStub.serve(key, ScoreUpdates.snapshot(key, 4, atVersion4, ScoreUpdates.sensitivity(Map.of(
                "120000", new double[] {1, 1, 1, 2}, "110000", new double[] {2, 1, 2, 2}))));
        ScoreUpdates.publish(key, 4, atVersion4);
        ScoreUpdates.awaitReportVersion(key, 4);
        given().get("/api/reports/" + key).then()
                .body("sensitivity.version", equalTo(4))
                .body("sensitivity.regions.region", contains("120000", "110000"))
                .body("sensitivity.regions.p95", contains(2.0f, 2.0f));
    }
}

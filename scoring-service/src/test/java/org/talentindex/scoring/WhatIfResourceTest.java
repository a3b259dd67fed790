package org.talentindex.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.talentindex.scoring.service.IndicatorUpdate;
import org.talentindex.scoring.service.ScoringService;
import org.talentindex.testsupport.InfrastructureTestResource;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class WhatIfResourceTest {

    @Inject
    ScoringService scoring;

    private static final String ANALYST_KEY = "test-analyst-key";

    private static final String CSV = """
            region,indicator,period,value
            110000,high_skill_talent,2022,115
            120000,high_skill_talent,2022,84
            130000,high_skill_talent,2022,324
            110000,st_talent_rd_fte,2022,37
            120000,st_talent_rd_fte,2022,10
            130000,st_talent_rd_fte,2022,16
            110000,patent_applications,2022,30.7
            120000,patent_applications,2022,8.4
            130000,patent_applications,2022,13.7
            """;

    @Test
    void evaluatesACsvTableWithoutStoringIt() {
        given().header("X-API-Key", ANALYST_KEY).contentType("text/csv").queryParam("framework", "jjj-talent-development").body(CSV)
                .post("/api/what-if").then().statusCode(200)
                .body("regions", hasSize(3))
                .body("regions.find { it.region == '110000' }.rank", equalTo(1))
                .body("regions.find { it.region == '110000' }.score", equalTo(100.0f))
                .body("regions.find { it.region == '120000' }.rank", equalTo(3));
        given().get("/api/scores/jjj-talent-development/2022").then().statusCode(404);
    }

    /**
     * Growth over five years reads the stored period five years earlier (talent totals of the Beijing Talent Report 2024, B.1;
     * CHECKS D.3 growth 89.27 %, D.4 CAGR 13.61 %); ranks are compared with the previous stored period.
     */
    @Test
    void withAPeriodTheStoredEarlierPeriodsTakePartAndRanksAreComparedWithThePreviousOne() {
        scoring.applyBatch(List.of(update("jjj-talent-growth", "2041", "110000", "talent_total", 489.6),
                update("jjj-talent-growth", "2041", "120000", "talent_total", 221.6),
                update("jjj-talent-growth", "2041", "130000", "talent_total", 587.1)), "indicator-updates", Map.of());
        String totals = "region,indicator,value\n110000,talent_total,781.3\n120000,talent_total,345\n130000,talent_total,1331\n";
        Map<String, Float> jjj = given().header("X-API-Key", ANALYST_KEY).contentType("text/csv").queryParam("framework", "jjj-talent-growth")
                .queryParam("period", "2046").body(totals).post("/api/what-if").then().statusCode(200)
                .extract().path("regions.find { it.region == 'JJJ' }.levels");
        assertEquals(89.27, jjj.get("growth"), 0.005);
        assertEquals(13.61, jjj.get("annual_growth"), 0.005);
        given().header("X-API-Key", ANALYST_KEY).contentType("text/csv").queryParam("framework", "jjj-talent-growth").body(totals)
                .post("/api/what-if").then().statusCode(200)
                .body("regions.find { it.region == 'JJJ' }.status", equalTo("INSUFFICIENT_DATA"));

        List<IndicatorUpdate> tianjinFirst = new ArrayList<>();
        for (String indicator : List.of("high_skill_talent", "st_talent_rd_fte", "patent_applications")) {
            Map.of("110000", 1.0, "120000", 9.0, "130000", 5.0).forEach((region, value) ->
                    tianjinFirst.add(update("jjj-talent-development", "2042", region, indicator, value)));
        }
        scoring.applyBatch(tianjinFirst, "indicator-updates", Map.of());
        given().header("X-API-Key", ANALYST_KEY).contentType("text/csv").queryParam("framework", "jjj-talent-development")
                .queryParam("period", "2043").body(CSV).post("/api/what-if").then().statusCode(200)
                .body("regions.find { it.region == '120000' }.previousPeriodRank", equalTo(1))
                .body("regions.find { it.region == '120000' }.rankChangeVsPreviousPeriod", equalTo(-2))
                .body("regions.find { it.region == '110000' }.rankChangeVsPreviousPeriod", equalTo(2));
        given().header("X-API-Key", ANALYST_KEY).contentType("text/csv").queryParam("framework", "jjj-talent-development")
                .queryParam("period", "20x3").body(CSV).post("/api/what-if").then().statusCode(400)
                .body("problems[0].reason", equalTo("INVALID_PERIOD"));
    }

    private static IndicatorUpdate update(String framework, String period, String region, String indicator, double value) {
        return new IndicatorUpdate(UUID.randomUUID().toString(), framework, period, region, indicator, value, "万人", 1, "test",
                "2041-01-01T00:00:00Z");
    }

    @Test
    void listsEveryOffendingRow() {
        String bad = CSV + "999999,high_skill_talent,2022,1\n110000,nope,2022,1\n110000,st_talent_rd_fte,2022,many\n";
        given().header("X-API-Key", ANALYST_KEY).contentType("text/csv").queryParam("framework", "jjj-talent-development").body(bad)
                .post("/api/what-if").then().statusCode(400)
                .body("problems", hasSize(3))
                .body("problems[0].row", equalTo(10)).body("problems[0].reason", equalTo("UNKNOWN_REGION"))
                .body("problems[1].row", equalTo(11)).body("problems[1].reason", equalTo("UNKNOWN_INDICATOR"))
                .body("problems[2].row", equalTo(12)).body("problems[2].reason", equalTo("NOT_A_NUMBER"));
    }

    @Test
    void acceptsAnInlineDefinitionAndRejectsAMalformedOne() {
        String definition = """
                id: inline
                names: {zh: 试算, en: Trial}
                method: composite
                regions: [{code: A, names: {zh: 甲, en: A}}, {code: B, names: {zh: 乙, en: B}}]
                dimensions:
                  - code: d
                    names: {zh: 维度, en: Dimension}
                    indicators:
                      - {code: x, names: {zh: 指标, en: X}, unit: index, direction: "-", measure: continuous}
                """;
        given().header("X-API-Key", ANALYST_KEY).contentType("application/json")
                .body(java.util.Map.of("definition", definition, "values", java.util.List.of(
                        java.util.Map.of("region", "A", "indicator", "x", "value", 1),
                        java.util.Map.of("region", "B", "indicator", "x", "value", 2))))
                .post("/api/what-if").then().statusCode(200)
                .body("frameworkId", equalTo("inline"))
                .body("regions.find { it.region == 'A' }.rank", equalTo(1));
        given().header("X-API-Key", ANALYST_KEY).contentType("application/json").body(java.util.Map.of("definition", "id: broken\n"))
                .post("/api/what-if").then().statusCode(400)
                .body("problems[0].reason", equalTo("INVALID_DEFINITION"))
                .body("problems[0].row", equalTo(0));
        given().header("X-API-Key", ANALYST_KEY).contentType("application/json").body(java.util.Map.of("framework", "no-such-index"))
                .post("/api/what-if").then().statusCode(400)
                .body("problems[0].reason", equalTo("UNKNOWN_FRAMEWORK")).body("problems[0].message", org.hamcrest.Matchers.containsString("no-such-index"));
    }

    @Test
    void refusesATableOfMoreCellsThanTheLimitHoweverFewOfThemHoldValues() {
        StringBuilder definition = new StringBuilder("""
                id: wide
                names: {zh: 宽表, en: Wide}
                method: composite
                dimensions:
                  - code: d
                    names: {zh: 维度, en: Dimension}
                    indicators:
                """);
        for (int i = 0; i < 1000; i++) {
            definition.append("      - {code: x").append(i).append(", names: {zh: 指标, en: X}, unit: index, direction: \"+\", measure: continuous}\n");
        }
        List<Map<String, Object>> values = IntStream.range(0, 501).<Map<String, Object>>mapToObj(r -> Map.of("region", "R" + r, "indicator", "x0", "value", r))
                .toList();
        given().header("X-API-Key", ANALYST_KEY).contentType("application/json")
                .body(Map.of("definition", definition.toString(), "values", values))
                .post("/api/what-if").then().statusCode(400)
                .body("problems[0].reason", equalTo("TOO_MANY_CELLS"));
    }
}

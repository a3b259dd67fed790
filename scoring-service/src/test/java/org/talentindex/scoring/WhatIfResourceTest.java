package org.talentindex.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class WhatIfResourceTest {

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

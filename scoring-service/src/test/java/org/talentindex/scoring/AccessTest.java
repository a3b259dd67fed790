package org.talentindex.scoring;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

/**
 * Rebuilds need the operator role, what-if evaluations the analyst or operator role, and neither is accepted from another
 * site; reading scores needs no key.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class AccessTest {

    private static final Map<String, Object> WHAT_IF = Map.of("framework", "jjj-talent-development",
            "values", List.of(Map.of("region", "110000", "indicator", "high_skill_talent", "value", 1)));

    @Test
    void anUnauthenticatedClientMayNeitherRebuildNorEvaluate() {
        given().post("/api/rebuild/jjj-talent-development/2031").then().statusCode(401);
        given().post("/api/rebuild").then().statusCode(401);
        given().contentType("application/json").body(WHAT_IF).post("/api/what-if").then().statusCode(401);
        given().header("X-API-Key", "not-a-key").post("/api/rebuild/jjj-talent-development/2031").then().statusCode(401);
    }

    @Test
    void anAnalystMayEvaluateButNotRebuild() {
        given().header("X-API-Key", "test-analyst-key").post("/api/rebuild/jjj-talent-development/2031").then().statusCode(403);
        given().header("X-API-Key", "test-analyst-key").post("/api/rebuild").then().statusCode(403);
        given().header("X-API-Key", "test-analyst-key").contentType("application/json").body(WHAT_IF).post("/api/what-if")
                .then().statusCode(200);
    }

    @Test
    void aRebuildSentFromAnotherSiteIsRefused() {
        given().header("X-API-Key", "test-operator-key").header("Origin", "https://elsewhere.example")
                .post("/api/rebuild/jjj-talent-development/2031").then().statusCode(403);
    }

    @Test
    void publishedScoresAreReadWithoutAKey() {
        given().get("/api/frameworks").then().statusCode(200);
        given().get("/api/scores/jjj-talent-development/2099").then().statusCode(404);
    }
}

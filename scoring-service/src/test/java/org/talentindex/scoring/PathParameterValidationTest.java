package org.talentindex.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;
import org.talentindex.testsupport.TopicRecords;

/** Framework ids and periods in paths are checked against the contracts before anything is read or published. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class PathParameterValidationTest {

    private static final String FRAMEWORK = "jjj-talent-development";
    private static final String OPERATOR_KEY = "test-operator-key";

    @Test
    void rebuildRefusesPeriodsOutsideTheContractAndUnknownFrameworksAndPublishesNothing() {
        rebuild(FRAMEWORK, "99999").statusCode(400).body("reason", equalTo("INVALID_PERIOD"));
        rebuild(FRAMEWORK, "abc'--").statusCode(400).body("reason", equalTo("INVALID_PERIOD"));
        rebuild(FRAMEWORK, "203").statusCode(400).body("reason", equalTo("INVALID_PERIOD"));
        rebuild("no-such-framework", "2031").statusCode(404).body("reason", equalTo("UNKNOWN_FRAMEWORK"));

        List<String> refused = List.of(FRAMEWORK + "/99999", FRAMEWORK + "/abc'--", FRAMEWORK + "/203", "no-such-framework/2031");
        assertEquals(List.of(), TopicRecords.frameworkPeriods(LocalInfrastructure.shared().bootstrapServers(), "score-updates").stream().filter(refused::contains).toList(),
                "nothing published for a refused framework-period");
    }

    @Test
    void rebuildOfAValidFrameworkPeriodIsAccepted() {
        rebuild(FRAMEWORK, "2040").statusCode(200).body("frameworkId", equalTo(FRAMEWORK)).body("period", equalTo("2040"));
    }

    @Test
    void scoresRefusePeriodsOutsideTheContractAndUnknownFrameworks() {
        given().get("/api/scores/{framework}/{period}", FRAMEWORK, "99999").then().statusCode(400).body("reason", equalTo("INVALID_PERIOD"));
        given().get("/api/scores/{framework}/{period}", "no-such-framework", "2031").then().statusCode(404)
                .body("reason", equalTo("UNKNOWN_FRAMEWORK"));
    }

    private static io.restassured.response.ValidatableResponse rebuild(String framework, String period) {
        return given().header("X-API-Key", OPERATOR_KEY).post("/api/rebuild/{framework}/{period}", framework, period).then();
    }
}

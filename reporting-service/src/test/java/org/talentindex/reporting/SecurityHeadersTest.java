package org.talentindex.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

/** The security headers (module api-security) on reporting's pages and open reports, and the health of its consumer. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(ScoringStub.class)
class SecurityHeadersTest {

    private static final String KEY = "jjj-talent-development/2046";

    @Test
    void pagesAndReportsCarryTheSecurityHeadersAndStayOpen() {
        ScoreUpdates.publish(KEY, 1, List.of(ranked("110000", 80, 1, Map.of("talent_stock", 90.0, "innovation_output", 70.0))));
        ScoreUpdates.awaitReportVersion(KEY, 1);

        assertSecurityHeaders(given().get("/ranking.html").then().statusCode(200).contentType(containsString("text/html")))
                .header("Content-Security-Policy", containsString("script-src 'self';"));
        assertSecurityHeaders(given().get("/api/reports/" + KEY + ".csv").then().statusCode(200).contentType(containsString("text/csv")))
                .header("Cache-Control", "no-store");
        assertSecurityHeaders(given().get("/api/reports/" + KEY).then().statusCode(200)).header("Cache-Control", "no-cache");
    }

    @Test
    void theHealthChecksReportTheConsumerOfScoreUpdates() {
        given().get("/q/health/live").then().statusCode(200).body(containsString("score-updates consumer"));
    }

    private static ValidatableResponse assertSecurityHeaders(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }
}

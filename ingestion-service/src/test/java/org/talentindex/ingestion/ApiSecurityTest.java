package org.talentindex.ingestion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.talentindex.ingestion.ApiClients.KEY_HEADER;
import static org.talentindex.ingestion.ApiClients.asClient;
import static org.talentindex.ingestion.ApiClients.asReader;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

/** The API security (module api-security) as ingestion's clients meet it. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class ApiSecurityTest {

    private static final String ROW = "110000,high_skill_talent,2009,42,万人,Cross-site\n";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Test
    void anAddressThatSentTooManyWrongKeysIsToldToWaitEvenWithTheRightKey() {
        String guesser = "198.51.100.23";
        for (int attempt = 0; attempt < 10; attempt++) {
            given().header(FORWARDED_FOR, guesser).header(KEY_HEADER, "guess-" + attempt)
                    .get("/api/observations").then().statusCode(401).header("WWW-Authenticate", containsString(KEY_HEADER));
        }
        asReader().header(FORWARDED_FOR, guesser).queryParam("region", "110000").get("/api/observations")
                .then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]?"));

        asReader().header(FORWARDED_FOR, "198.51.100.24").queryParam("region", "110000").get("/api/observations")
                .then().statusCode(200);
    }

    @Test
    void aCrossSiteFormPostIsRefusedBeforeAnyWorkAndStoresNothing() {
        String form = "region=110000&indicator=high_skill_talent&period=2009&value=42";
        given().contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").body(form).post("/api/observations")
                .then().statusCode(401).body("reason", equalTo("UNAUTHENTICATED"));
        given().contentType("text/plain").header("Origin", "https://evil.example").body(ROW).post("/api/observations")
                .then().statusCode(401);
        asClient().contentType("text/plain").header("Origin", "https://evil.example").body(ROW).post("/api/observations")
                .then().statusCode(403).body("reason", equalTo("CROSS_SITE_REQUEST"));

        asReader().queryParam("region", "110000").queryParam("indicator", "high_skill_talent").queryParam("period", "2009")
                .get("/api/observations").then().statusCode(200).body("$", empty());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        assertSecurityHeaders(asReader().queryParam("region", "110000").get("/api/observations").then().statusCode(200))
                .header("Cache-Control", "no-store");
        assertSecurityHeaders(given().get("/api/observations").then().statusCode(401));
        assertSecurityHeaders(asClient().contentType("text/csv").body("region,indicator\n").post("/api/observations").then())
                .header("Cache-Control", "no-store");
        assertSecurityHeaders(given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html")));
        assertSecurityHeaders(given().get("/q/openapi").then().statusCode(200));
    }

    private static ValidatableResponse assertSecurityHeaders(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }
}

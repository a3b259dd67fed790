package org.talentindex.ingestion;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests as the API clients configured in the test profile (application.properties, %test). */
final class ApiClients {

    static final String KEY_HEADER = "X-API-Key";

    private ApiClients() {
    }

    /** Uploader and auditor. */
    static RequestSpecification asClient() {
        return given().header(KEY_HEADER, "test-key");
    }

    /** Auditor only. */
    static RequestSpecification asReader() {
        return given().header(KEY_HEADER, "test-reader-key");
    }

    /** Uploader with a budget of two requests a minute. */
    static RequestSpecification asLimitedClient() {
        return given().header(KEY_HEADER, "test-limited-key");
    }
}

package org.talentindex.ingestion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class ObservationResourceTest {

    private static final String HEADER = "region,indicator,period,value,unit,source\n";

    @Test
    void csvUploadAcceptsValidRowsAndReportsEveryRefusedRow() {
        String csv = HEADER
                + "110000,high_skill_talent,2016,100,万人,\"Yearbook, table 3\"\n"
                + "120000,high_skill_talent,2016,abc,万人,Yearbook\n"
                + "130000,nope,2016,1,万人,Yearbook\n"
                + "130000,high_skill_talent,2016,200,万人,Yearbook\n";
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/observations")
                .then().statusCode(422)
                .body("received", equalTo(4)).body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("problems", hasSize(2))
                .body("problems[0].row", equalTo(2)).body("problems[0].reason", equalTo("WRONG_TYPE"))
                .body("problems[1].row", equalTo(3)).body("problems[1].reason", equalTo("UNKNOWN_INDICATOR"));
    }

    @Test
    void resendingIsANoOpAndANewValueIsANewRevision() {
        String first = HEADER + "110000,st_talent_rd_fte,2017,30,万人年,Yearbook 2018\n";
        given().contentType("text/csv; charset=UTF-8").body(first).post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));
        given().contentType("text/csv; charset=UTF-8").body(first).post("/api/observations")
                .then().statusCode(200).body("duplicate", equalTo(1)).body("accepted", equalTo(0));
        given().contentType("application/json; charset=UTF-8")
                .body("[{\"region\":\"110000\",\"indicator\":\"st_talent_rd_fte\",\"period\":\"2017\",\"value\":31,\"unit\":\"万人年\",\"source\":\"Yearbook 2019\"}]")
                .post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));

        given().queryParam("region", "110000").queryParam("indicator", "st_talent_rd_fte").queryParam("period", "2017")
                .get("/api/observations")
                .then().statusCode(200).body("revision", equalTo(java.util.List.of(1, 2)))
                .body("canonicalValue", equalTo(java.util.List.of(30.0f, 31.0f)));
    }

    @Test
    void aDocumentThatIsNotAnArrayIsRefused() {
        given().contentType("application/json; charset=UTF-8").body("42").post("/api/observations")
                .then().statusCode(400).body("reason", equalTo("MALFORMED_JSON"));
    }
}

package org.talentindex.ingestion;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.talentindex.ingestion.ApiClients.asClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

/** CSV uploads a careless sender makes: each is read as meant, or refused with a reason, never answered with 500. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class CsvUploadTest {

    private static final String HEADER = "region,indicator,period,value,unit,source\n";

    @Test
    void aColumnNamedTwiceIsRefusedInsteadOfKeepingTheLastValue() {
        upload("region,indicator,period,value,unit,source,value\n110000,high_skill_talent,2034,12,万人,twice,9999\n")
                .statusCode(400).body("reason", equalTo("MALFORMED_CSV")).body("message", containsString("'value' twice"));
        upload("region,地区,indicator,period,value,unit,source\n110000,120000,high_skill_talent,2034,12,万人,twice\n")
                .statusCode(400).body("reason", equalTo("MALFORMED_CSV")).body("message", containsString("'region' twice"));
    }

    @Test
    void aHeaderThatIsNotCsvOrNotCommaSeparatedIsRefused() {
        upload("region,\"indicator,period,value,unit,source\n110000,high_skill_talent,2034,12,万人,stray quote\n")
                .statusCode(400).body("reason", equalTo("MALFORMED_CSV"));
        upload("[{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2034\",\"value\":12,\"unit\":\"万人\",\"source\":\"json\"}]")
                .statusCode(400).body("reason", equalTo("MALFORMED_CSV"));
        upload("[\n  {\n    \"region\": \"110000\",\n    \"value\": 12\n  }\n]\n")
                .statusCode(400).body("reason", equalTo("MALFORMED_CSV"));
        upload("region;indicator;period;value;unit;source\n110000;high_skill_talent;2034;12;万人;semicolons\n")
                .statusCode(400).body("reason", equalTo("MALFORMED_CSV")).body("message", containsString("comma-separated"));
    }

    @Test
    void blankLinesAreIgnoredAndLineEndingsMayBeCrlfOrCr() {
        String run = UUID.randomUUID().toString();
        upload(HEADER + "110000,high_skill_talent,2034,12,万人,blank lines " + run + "\n\n,,,,,\n   \n\n")
                .statusCode(200).body("received", equalTo(1)).body("accepted", equalTo(1));
        upload(HEADER.replace("\n", "\r\n") + "120000,high_skill_talent,2034,13,万人,crlf " + run + "\r\n\r\n")
                .statusCode(200).body("accepted", equalTo(1));
        upload(HEADER.replace("\n", "\r") + "130000,high_skill_talent,2034,14,万人,cr " + run + "\r")
                .statusCode(200).body("accepted", equalTo(1));
        upload(HEADER + "110000,high_skill_talent,2035,15,万人,\"quoted\nline break " + run + "\"\n")
                .statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void anUnknownIndicatorColumnOfAWideTableIsReportedAsAnUnknownIndicator() {
        String run = UUID.randomUUID().toString();
        upload("region,period,source,high_skill_talent[万人],no_such_indicator\n110000,2034,wide " + run + ",16,17\n")
                .statusCode(422).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("problems.column", equalTo(List.of("no_such_indicator")))
                .body("problems.reason", equalTo(List.of("UNKNOWN_INDICATOR")));
    }

    @Test
    void aPeriodWithALineBreakIsAnInvalidPeriod() {
        upload(HEADER + "110000,high_skill_talent,\"2034\n\",12,万人,period with a line break\n")
                .statusCode(422).body("problems[0].reason", equalTo("INVALID_PERIOD"));
    }

    @Test
    void utf16SentAsUtf8IsABadEncodingAndANulCharacterInACellIsInvalidText() {
        asClient().contentType("text/csv; charset=UTF-8").body((HEADER + "110000,high_skill_talent,2035,1,万人,utf-16\n")
                        .getBytes(StandardCharsets.UTF_16LE)).post("/api/observations")
                .then().statusCode(400).body("reason", equalTo("BAD_ENCODING"));
        asClient().contentType("text/csv; charset=UTF-16").body((HEADER + "110000,high_skill_talent,2035,1,万人,declared utf-16 "
                        + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_16)).post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));
        upload(HEADER + "110000,high_skill_talent,2035,1,万人,nul \0 in a cell\n")
                .statusCode(422).body("problems[0].reason", equalTo("INVALID_TEXT"));
    }

    private static ValidatableResponse upload(String csv) {
        return asClient().contentType("text/csv; charset=UTF-8").body(csv).post("/api/observations").then();
    }
}

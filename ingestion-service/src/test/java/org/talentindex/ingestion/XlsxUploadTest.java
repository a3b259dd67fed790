package org.talentindex.ingestion;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.talentindex.ingestion.ApiClients.asClient;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.Workbooks;

/** Yearbook tables sent as Excel workbooks go through the CSV door's reading and validation; rows count from the first under the header. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class XlsxUploadTest {

    /** The wide table of the Beijing Talent Report 2024, B.1, 2015 (Chinese headers, numbers as numbers). */
    @Test
    void aWideYearbookSheetIsReadWithItsChineseHeadersAndARefusedRowIsNumberedAsInCsv() throws IOException {
        String source = "xlsx " + UUID.randomUUID();
        byte[] workbook = Workbooks.of("2015 表2", List.of(
                List.of("地区", "年份", "来源", "高技能人才[万人]", "科技人才[万人年]"),
                List.of("北京", 2015, source, 92, 25),
                List.of("天津", 2015, source, 49, 12),
                List.of("河北", 2015, source, 108, -11)));
        upload(workbook, null).statusCode(422)
                .body("received", equalTo(6)).body("accepted", equalTo(5)).body("rejected", equalTo(1))
                .body("problems[0].row", equalTo(3)).body("problems[0].reason", equalTo("OUT_OF_RANGE"));
        upload(workbook, null).statusCode(422).body("duplicate", equalTo(5));
    }

    @Test
    void aNamedSheetIsReadAndAMissingOneOrABrokenWorkbookIsRefused() throws IOException {
        String source = "xlsx " + UUID.randomUUID();
        byte[] workbook = Workbooks.of("Long", List.of(
                List.of("region", "indicator", "period", "value", "unit", "source"),
                List.of("110000", "st_talent_rd_fte", 2022, 37.5, "万人年", source)));
        upload(workbook, "Long").statusCode(200).body("accepted", equalTo(1));
        upload(workbook, "Other").statusCode(400).body("reason", equalTo("MALFORMED_WORKBOOK")).body("message", containsString("[Long]"));
        asClient().contentType(Workbooks.MEDIA_TYPE).body("region,indicator\n".getBytes()).post("/api/observations")
                .then().statusCode(400).body("reason", equalTo("MALFORMED_WORKBOOK"));
    }

    private static ValidatableResponse upload(byte[] workbook, String sheet) {
        var request = asClient().contentType(Workbooks.MEDIA_TYPE).body(workbook);
        if (sheet != null) {
            request = request.queryParam("sheet", sheet);
        }
        return request.post("/api/observations").then();
    }
}

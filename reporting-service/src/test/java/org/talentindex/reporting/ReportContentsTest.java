package org.talentindex.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.insufficient;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

/** What a report holds beyond the ranking, and the REST views across periods. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(ScoringStub.class)
class ReportContentsTest {

    private static final String FRAMEWORK = "jjj-talent-development";

    @Test
    void aReportComparesWithThePreviousPeriodAndListsMoversAndRegionsWithoutData() {
        ScoreUpdates.publish(FRAMEWORK + "/2040", 1, List.of(
                ranked("110000", 80, 1, Map.of("talent_stock", 90.0, "innovation_output", 70.0)),
                ranked("120000", 60, 2, Map.of("talent_stock", 50.0, "innovation_output", 70.0)),
                ranked("130000", 40, 3, Map.of("talent_stock", 30.0, "innovation_output", 50.0))));
        ScoreUpdates.awaitReportVersion(FRAMEWORK + "/2040", 1);
        ScoreUpdates.publish(FRAMEWORK + "/2041", 1, List.of(
                ranked("130000", 85, 1, Map.of("talent_stock", 80.0, "innovation_output", 90.0)),
                ranked("110000", 75, 2, Map.of("talent_stock", 70.0, "innovation_output", 80.0)),
                insufficient("120000")));
        ScoreUpdates.awaitReportVersion(FRAMEWORK + "/2041", 1);

        given().get("/api/reports/" + FRAMEWORK + "/2041").then()
                .body("method", equalTo("composite"))
                .body("previousPeriod", equalTo("2040"))
                .body("levelNames.code", contains("talent_stock", "innovation_output"))
                .body("levelNames[0].names.zh", equalTo("人才存量"))
                .body("ranking.region", contains("130000", "110000"))
                .body("ranking.levels.innovation_output", contains(90.0f, 80.0f))
                .body("ranking.previousPeriodRank", contains(3, 1))
                .body("ranking.rankChangeVsPreviousPeriod", contains(2, -1))
                .body("ranking.scoreChangeVsPreviousPeriod", contains(45.0f, -5.0f))
                .body("ranking.rankChange", contains(nullValue(), nullValue()))
                .body("topMovers.basis", equalTo("previousPeriod"))
                .body("topMovers.rising.region", contains("130000"))
                .body("topMovers.falling.region", contains("110000"))
                .body("insufficientData", contains("120000"))
                .body("insufficientDataRegions[0].regionName.en", equalTo("Tianjin"));

        given().get("/api/frameworks").then()
                .body("find { it.id == 'jjj-talent-development' }.periods.period", hasItems("2040", "2041"))
                .body("find { it.id == 'industry-talent-deviation' }.method", equalTo("structure-deviation"));
        given().get("/api/frameworks/" + FRAMEWORK + "/regions/110000/history").then()
                .body("regionName.zh", equalTo("北京市"))
                .body("periods.find { it.period == '2040' }.rank", equalTo(1))
                .body("periods.find { it.period == '2041' }.rank", equalTo(2))
                .body("periods.find { it.period == '2041' }.levels.talent_stock", equalTo(70.0f))
                .body("trend.lastPeriod", equalTo(given().get("/api/frameworks/" + FRAMEWORK + "/regions/110000/history")
                        .then().extract().path("periods.findAll { it.rank != null }.period.max()")));
        given().queryParam("from", "2040").queryParam("to", "2041").get("/api/frameworks/" + FRAMEWORK + "/compare").then()
                .body("regions.region", contains("130000", "110000", "120000"))
                .body("regions[0].rankChange", equalTo(2))
                .body("regions[0].scoreChange", equalTo(45.0f))
                .body("regions[2].to.status", equalTo("INSUFFICIENT_DATA"))
                .body("regions[2].rankChange", nullValue());
        given().queryParam("bom", true).get("/api/reports/" + FRAMEWORK + "/2041.csv").then()
                .header("Content-Type", startsWith("text/csv"))
                .body(startsWith("\uFEFFrank,region,name_zh,name_en,score,rank_change,rank_change_vs_previous_period,rank_p5,rank_median,rank_p95,talent_stock,innovation_output\n"))
                .body(containsString("1,130000,河北省,Hebei,85.0,,2,,,,80.0,90.0\n"));
        given().get("/q/openapi").then().body(containsString("/api/frameworks/{frameworkId}/compare"));
    }

    @Test
    void methodTablesAreDerivedFromTheLevelScores() {
        ScoreUpdates.publish("industry-talent-deviation/2030", 1, List.of(
                ranked("110000", 0.5, 1, Map.of("primary", -0.1, "secondary", 0.15, "tertiary", 0.25))));
        ScoreUpdates.publish("human-capital-industry-coupling/2030", 1, List.of(
                ranked("110000", 0.65, 1, Map.of("human_capital", 0.7, "industry_structure", 0.6))));
        ScoreUpdates.publish("ai-unemployment-early-warning/2030", 1, List.of(ranked("110000", 55, 1,
                Map.of("manufacturing", 72.0, "customer_service", 10.0, "data_entry", 45.0, "translation", 30.0, "software", 5.0))));
        ScoreUpdates.awaitReportVersion("industry-talent-deviation/2030", 1);
        ScoreUpdates.awaitReportVersion("human-capital-industry-coupling/2030", 1);
        ScoreUpdates.awaitReportVersion("ai-unemployment-early-warning/2030", 1);

        given().get("/api/reports/industry-talent-deviation/2030").then()
                .body("methodTables.deviation[0].total", equalTo(0.5f))
                .body("methodTables.deviation[0].sectors.sector", contains("primary", "secondary", "tertiary"))
                .body("methodTables.deviation[0].sectors.contribution", contains(0.2f, 0.3f, 0.5f))
                .body("levelNames.find { it.code == 'primary' }.names.en", equalTo("Primary industry"));
        given().get("/api/reports/human-capital-industry-coupling/2030").then()
                .body("methodTables.couplingGrades[0].grade", equalTo(7))
                .body("methodTables.couplingGrades[0].gradeName.zh", equalTo("初级协调"));
        given().get("/api/reports/ai-unemployment-early-warning/2030").then()
                .body("methodTables.riskHeatMap.sectors.code", contains("manufacturing", "customer_service", "data_entry", "translation", "software"))
                .body("methodTables.riskHeatMap.regions[0].riskLevel", equalTo("high"))
                .body("methodTables.riskHeatMap.regions[0].cells.riskLevel", contains("severe", "low", "moderate", "moderate", "low"));
    }

    /** The workbook read back with the same library: every number of the JSON report, as a number, in its place. */
    @Test
    void theExcelWorkbookHoldsTheReportsNumbersAsNumbers() throws Exception {
        ScoreUpdates.publish(FRAMEWORK + "/2047", 1, List.of(
                ranked("110000", 81.25, 1, Map.of("talent_stock", 90.5, "innovation_output", 72.0)),
                ranked("130000", 40.125, 2, Map.of("talent_stock", 30.75, "innovation_output", 49.5)),
                insufficient("120000")));
        ScoreUpdates.awaitReportVersion(FRAMEWORK + "/2047", 1);
        JsonNode report = new ObjectMapper().readTree(given().get("/api/reports/" + FRAMEWORK + "/2047").asString());
        byte[] bytes = given().get("/api/reports/" + FRAMEWORK + "/2047.xlsx").then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).extract().asByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet ranking = workbook.getSheet("排名 Ranking");
            Row header = ranking.getRow(0);
            int talentStock = columnOf(header, "人才存量 Talent stock");
            for (int r = 0; r < report.path("ranking").size(); r++) {
                JsonNode entry = report.path("ranking").get(r);
                Row row = ranking.getRow(r + 1);
                assertEquals(entry.path("rank").asDouble(), row.getCell(0).getNumericCellValue());
                assertEquals(entry.path("region").asText(), row.getCell(1).getStringCellValue());
                assertEquals(entry.path("score").asDouble(), row.getCell(columnOf(header, "得分 Score")).getNumericCellValue());
                assertEquals(entry.path("levels").path("talent_stock").asDouble(), row.getCell(talentStock).getNumericCellValue());
                assertEquals(entry.path("levels").path("innovation_output").asDouble(),
                        row.getCell(columnOf(header, "创新产出 Innovation output")).getNumericCellValue());
            }
            assertEquals(2, ranking.getLastRowNum());
            assertEquals("120000", workbook.getSheet("数据不足 Insufficient data").getRow(1).getCell(0).getStringCellValue());
            Sheet about = workbook.getSheet("说明 About");
            assertEquals(FRAMEWORK, about.getRow(1).getCell(1).getStringCellValue());
            assertEquals("2047", about.getRow(5).getCell(1).getStringCellValue());
            assertEquals(report.path("version").asDouble(), about.getRow(6).getCell(1).getNumericCellValue());
        }
    }

    private static int columnOf(Row header, String title) {
        for (Cell cell : header) {
            if (cell.getStringCellValue().equals(title)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + title);
    }
}

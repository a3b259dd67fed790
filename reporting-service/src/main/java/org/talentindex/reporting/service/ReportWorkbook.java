package org.talentindex.reporting.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an Excel workbook: the ranking with every level (numbers as numbers), the levels, the regions without
 * enough data, the evaluation's warnings, and the framework, period, version and method. Headers in Chinese and English.
 */
@ApplicationScoped
public class ReportWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final List<String> RANKING_HEADERS = List.of("排名 Rank", "代码 Code", "名称 Name (zh)", "Name (en)", "得分 Score",
            "名次变化（版本） Δ rank (version)", "较上期名次变化 Δ rank vs previous period", "上期名次 Previous period rank",
            "较上期得分变化 Δ score vs previous period", "名次区间 P5 Rank P5", "名次中位数 Rank median", "名次区间 P95 Rank P95");

    /** The workbook of a report document (index-report.schema.json). */
    public byte[] write(JsonNode report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            writeRanking(workbook.createSheet("排名 Ranking"), report, bold);
            writeTable(workbook.createSheet("维度 Levels"), bold, List.of("代码 Code", "名称 Name (zh)", "Name (en)", "层级 Depth", "上级 Parent"),
                    report.path("levelNames"), List.of("/code", "/names/zh", "/names/en", "/depth", "/parent"));
            writeTable(workbook.createSheet("数据不足 Insufficient data"), bold, List.of("代码 Code", "名称 Name (zh)", "Name (en)"),
                    report.path("insufficientDataRegions"), List.of("/region", "/regionName/zh", "/regionName/en"));
            writeTable(workbook.createSheet("提示 Warnings"), bold, List.of("提示 Warning"), report.path("warnings"), List.of(""));
            writeAbout(workbook.createSheet("说明 About"), report, bold);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRanking(Sheet sheet, JsonNode report, CellStyle bold) {
        List<String> headers = new ArrayList<>(RANKING_HEADERS);
        List<String> levels = new ArrayList<>();
        report.path("levelNames").forEach(level -> {
            levels.add(level.path("code").asText());
            headers.add(level.path("names").path("zh").asText(level.path("code").asText()) + " " + level.path("names").path("en").asText(""));
        });
        header(sheet, headers, bold);
        Map<String, JsonNode> intervals = new HashMap<>();
        report.path("sensitivity").path("regions").forEach(interval -> intervals.put(interval.path("region").asText(), interval));
        int r = 1;
        for (JsonNode entry : report.path("ranking")) {
            Row row = sheet.createRow(r++);
            JsonNode interval = intervals.getOrDefault(entry.path("region").asText(), MissingNode.getInstance());
            List<JsonNode> cells = new ArrayList<>(List.of(entry.path("rank"), entry.path("region"), entry.path("regionName").path("zh"),
                    entry.path("regionName").path("en"), entry.path("score"), entry.path("rankChange"), entry.path("rankChangeVsPreviousPeriod"),
                    entry.path("previousPeriodRank"), entry.path("scoreChangeVsPreviousPeriod"), interval.path("p5"), interval.path("median"),
                    interval.path("p95")));
            levels.forEach(level -> cells.add(entry.path("levels").path(level)));
            for (int c = 0; c < cells.size(); c++) {
                put(row.createCell(c), cells.get(c));
            }
        }
        sheet.createFreezePane(2, 1);
    }

    /** One row per element of {@code items}, one column per JSON pointer into it ("" is the element itself). */
    private static void writeTable(Sheet sheet, CellStyle bold, List<String> headers, JsonNode items, List<String> pointers) {
        header(sheet, headers, bold);
        int r = 1;
        for (JsonNode item : items) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < pointers.size(); c++) {
                put(row.createCell(c), item.at(pointers.get(c)));
            }
        }
    }

    private static void writeAbout(Sheet sheet, JsonNode report, CellStyle bold) {
        header(sheet, List.of("项目 Item", "内容 Value"), bold);
        List<List<Object>> rows = List.of(
                List.of("指数 Framework", report.path("frameworkId")),
                List.of("名称 Name (zh)", report.path("names").path("zh")),
                List.of("Name (en)", report.path("names").path("en")),
                List.of("方法 Method", report.path("method")),
                List.of("期 Period", report.path("period")),
                List.of("版本 Version", report.path("version")),
                List.of("生成时间 Generated at", report.path("generatedAt")),
                List.of("上期 Previous period", report.path("previousPeriod")),
                List.of("来源 Source", "Talent Index Platform, reporting-service: /api/reports/" + report.path("frameworkId").asText() + "/"
                        + report.path("period").asText() + " (contracts/schemas/index-report.schema.json)"));
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue((String) values.get(0));
            Object value = values.get(1);
            if (value instanceof JsonNode node) {
                put(row.createCell(1), node);
            } else {
                row.createCell(1).setCellValue(value.toString());
            }
        }
    }

    private static void header(Sheet sheet, List<String> headers, CellStyle bold) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(bold);
        }
    }

    /** Numbers as numeric cells, text as text; a missing or null value leaves the cell blank. */
    private static void put(Cell cell, JsonNode value) {
        if (value.isNumber()) {
            cell.setCellValue(value.asDouble());
        } else if (value.isTextual()) {
            cell.setCellValue(value.asText());
        }
    }
}

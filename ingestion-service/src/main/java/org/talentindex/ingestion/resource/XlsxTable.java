package org.talentindex.ingestion.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.databind.SequenceWriter;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.talentindex.ingestion.validation.RejectionReason;

/**
 * One sheet of an Excel workbook (.xlsx) as CSV text, one line per sheet row, so that an upload goes through the same
 * reading, validation and row numbers as a CSV file: a long or a wide (yearbook) table. Numbers are written in full
 * (no grouping, no rounding), a formula as its cached result, and an empty row as an empty line.
 */
final class XlsxTable {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);

    private XlsxTable() {
    }

    /** The named sheet (the first when {@code sheetName} is null) as CSV. */
    static String toCsv(InputStream workbookBytes, String sheetName) throws IOException, UnreadableHeaderException {
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(workbookBytes);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableHeaderException(RejectionReason.MALFORMED_WORKBOOK, "Not a readable .xlsx workbook: " + e.getMessage());
        }
        try (workbook) {
            Sheet sheet = sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                workbook.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
                throw new UnreadableHeaderException(RejectionReason.MALFORMED_WORKBOOK, "No sheet '" + sheetName + "'; the workbook has " + names);
            }
            StringWriter text = new StringWriter();
            try (SequenceWriter lines = CSV.writer().writeValues(text)) {
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    lines.write(cells(sheet.getRow(r)));
                }
            }
            return text.toString();
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        if (row == null) {
            return cells;
        }
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(text(row.getCell(c)));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}

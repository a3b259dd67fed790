package org.talentindex.ingestion.resource;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.talentindex.ingestion.catalogue.Catalogue;
import org.talentindex.ingestion.catalogue.IndicatorSpec;
import org.talentindex.ingestion.messaging.ForwardingException;
import org.talentindex.ingestion.resource.CsvColumns.IndicatorColumn;
import org.talentindex.ingestion.service.BulkUpload;
import org.talentindex.ingestion.service.BulkUpload.Row;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.RejectionReason;

/**
 * Reads a CSV upload line by line into observations. A long table has a {@code value} column (one observation per line);
 * otherwise every column that is not region, period, unit, source is an indicator (a wide, yearbook-style table: one
 * observation per non-empty cell), named by code or zh/en name, optionally with its unit: {@code high_skill_talent[万人]}.
 */
final class CsvUpload {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final Pattern GROUPED_NUMBER = Pattern.compile("^[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");
    private static final int MAX_CONSECUTIVE_ERRORS = 100;

    private final Catalogue catalogue;
    private final ObjectMapper json;
    private final Map<String, String> unitsByIndicator;
    private final String defaultSource;

    CsvUpload(Catalogue catalogue, ObjectMapper json, Map<String, String> unitsByIndicator, String defaultSource) {
        this.catalogue = catalogue;
        this.json = json;
        this.unitsByIndicator = unitsByIndicator;
        this.defaultSource = defaultSource;
    }

    void read(Reader reader, BulkUpload.Session session) throws IOException, ForwardingException, UnreadableHeaderException {
        try (MappingIterator<List<String>> lines = CSV.readerForListOf(String.class).readValues(reader)) {
            List<String> header = header(lines);
            if (header == null) {
                return;
            }
            boolean wide = !header.contains(CsvColumns.VALUE);
            long number = 0;
            int consecutiveErrors = 0;
            JsonLocation lastErrorAt = null;
            while (true) {
                number++;
                List<String> cells;
                try {
                    if (!lines.hasNextValue()) {
                        return;
                    }
                    cells = lines.nextValue();
                    consecutiveErrors = 0;
                } catch (IOException | RuntimeException e) {
                    if (!session.withinRowLimit(number)) {
                        return;
                    }
                    session.add(new Row(number, null, new Rejection(RejectionReason.MALFORMED_CSV, e.getMessage())));
                    JsonLocation at = lines.getCurrentLocation();
                    if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS || (at != null && at.equals(lastErrorAt))) {
                        return;
                    }
                    lastErrorAt = at;
                    continue;
                }
                if (isBlank(cells)) {
                    continue;
                }
                if (!session.withinRowLimit(number)) {
                    return;
                }
                if (wide) {
                    addWide(number, header, cells, session);
                } else {
                    session.add(longRow(number, header, cells));
                }
            }
        }
    }

    /** The canonical column names, or null for an empty upload. */
    private static List<String> header(MappingIterator<List<String>> lines) throws UnreadableHeaderException {
        List<String> header;
        try {
            if (!lines.hasNextValue()) {
                return null;
            }
            header = lines.nextValue().stream().map(CsvColumns::canonical).toList();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableHeaderException(RejectionReason.MALFORMED_CSV,
                    "The header line cannot be read as CSV: " + e.getMessage());
        }
        if (header.stream().anyMatch(column -> column.indexOf('\uFFFD') >= 0 || column.indexOf('\0') >= 0)) {
            throw new UnreadableHeaderException(RejectionReason.BAD_ENCODING,
                    "The header is not text in the declared charset (UTF-16? say so with charset= in Content-Type)");
        }
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                throw new UnreadableHeaderException(RejectionReason.MALFORMED_CSV,
                        "The header names column '" + column + "' twice (counting its Chinese names)");
            }
        }
        List<String> required = header.contains(CsvColumns.VALUE)
                ? List.of(CsvColumns.REGION, CsvColumns.INDICATOR, CsvColumns.PERIOD)
                : List.of(CsvColumns.REGION, CsvColumns.PERIOD);
        for (String column : required) {
            if (!header.contains(column)) {
                throw new UnreadableHeaderException(RejectionReason.MALFORMED_CSV, "The header has no '" + column
                        + "' column (a comma-separated CSV with a header line is expected; JSON goes as application/json)");
            }
        }
        return header;
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }

    private Row longRow(long number, List<String> header, List<String> cells) {
        if (cells.size() > header.size()) {
            return new Row(number, null, new Rejection(RejectionReason.MALFORMED_CSV,
                    "Line has " + cells.size() + " cells, the header " + header.size() + " (unquoted comma?)"));
        }
        ObjectNode node = json.createObjectNode();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isEmpty()) {
                continue;
            }
            if (cell.indexOf('\uFFFD') >= 0) {
                return badEncoding(number, null);
            }
            put(node, header.get(i), cell);
        }
        if (defaultSource != null && !node.has(CsvColumns.SOURCE)) {
            node.put(CsvColumns.SOURCE, defaultSource);
        }
        return new Row(number, node, null);
    }

    private void addWide(long number, List<String> header, List<String> cells, BulkUpload.Session session) throws ForwardingException {
        ObjectNode common = json.createObjectNode();
        List<Integer> indicatorColumns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = i < cells.size() ? cells.get(i) : null;
            if (CsvColumns.isField(header.get(i))) {
                if (cell != null && !cell.isEmpty()) {
                    put(common, header.get(i), cell);
                }
            } else if (cell != null && !cell.isEmpty()) {
                indicatorColumns.add(i);
            }
        }
        if (defaultSource != null && !common.has(CsvColumns.SOURCE)) {
            common.put(CsvColumns.SOURCE, defaultSource);
        }
        if (cells.size() > header.size()) {
            session.add(new Row(number, null, new Rejection(RejectionReason.MALFORMED_CSV,
                    "Line has " + cells.size() + " cells, the header " + header.size() + " (unquoted comma?)")));
            return;
        }
        for (int i : indicatorColumns) {
            String column = header.get(i);
            if (cells.get(i).indexOf('\uFFFD') >= 0 || common.toString().indexOf('\uFFFD') >= 0) {
                session.add(badEncoding(number, column));
                continue;
            }
            IndicatorColumn indicatorColumn = CsvColumns.indicatorColumn(column);
            IndicatorSpec spec = catalogue.indicatorByCodeOrName(indicatorColumn.indicator()).orElse(null);
            if (spec == null) {
                session.add(new Row(number, column, null, new Rejection(RejectionReason.UNKNOWN_INDICATOR,
                        "indicator column '" + indicatorColumn.indicator() + "' names no indicator of any framework")));
                continue;
            }
            ObjectNode node = common.deepCopy();
            node.put(CsvColumns.INDICATOR, spec.code());
            putValue(node, cells.get(i));
            String unit = indicatorColumn.unit() != null ? indicatorColumn.unit() : unitsByIndicator.getOrDefault(spec.code(), spec.unit());
            if (!node.has(CsvColumns.UNIT)) {
                node.put(CsvColumns.UNIT, unit);
            }
            session.add(new Row(number, column, node, null));
        }
    }

    private void put(ObjectNode node, String field, String cell) {
        switch (field) {
            case CsvColumns.VALUE -> putValue(node, cell);
            case CsvColumns.INDICATOR -> node.put(field, catalogue.indicatorByCodeOrName(cell).map(IndicatorSpec::code).orElse(cell));
            case CsvColumns.PERIOD -> node.put(field, cell.endsWith("年") ? cell.substring(0, cell.length() - 1).strip() : cell);
            default -> node.put(field, cell);
        }
    }

    private static void putValue(ObjectNode node, String cell) {
        String number = GROUPED_NUMBER.matcher(cell).matches() ? cell.replace(",", "") : cell;
        switch (number) {
            case "NaN", "nan" -> node.put(CsvColumns.VALUE, Double.NaN);
            case "Infinity", "+Infinity", "inf", "Inf" -> node.put(CsvColumns.VALUE, Double.POSITIVE_INFINITY);
            case "-Infinity", "-inf", "-Inf" -> node.put(CsvColumns.VALUE, Double.NEGATIVE_INFINITY);
            default -> {
                try {
                    node.put(CsvColumns.VALUE, new BigDecimal(number));
                } catch (NumberFormatException e) {
                    node.put(CsvColumns.VALUE, cell);
                }
            }
        }
    }

    private static Row badEncoding(long number, String column) {
        return new Row(number, column, null, new Rejection(RejectionReason.BAD_ENCODING,
                "Bytes that are not valid in the declared charset (send charset=GBK in Content-Type for GBK files)"));
    }
}

package org.talentindex.scoring.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.talentindex.framework.Framework;
import org.talentindex.framework.Region;

/**
 * Reads the values CSV format {@code region,indicator,period,value} (further columns ignored, lines starting with {@code #} are
 * comments, fields may be double-quoted, an empty value is a missing cell) into one {@link ValueTable} per period.
 */
public final class ValueTableCsv {

    private static final List<String> REQUIRED = List.of("region", "indicator", "period", "value");

    private ValueTableCsv() {
    }

    /** A row that could not be used: its 1-based line number and why. */
    public record RowError(int line, String reason) {
    }

    /** The tables by period and every offending row (none when the input is clean). */
    public record Parsed(Map<String, ValueTable> byPeriod, List<RowError> errors) {
    }

    /** Reads the values; throws {@link IllegalArgumentException} on the first offending row. */
    public static Map<String, ValueTable> read(Reader reader) {
        Parsed parsed = parse(reader, null);
        if (!parsed.errors().isEmpty()) {
            RowError first = parsed.errors().get(0);
            throw new IllegalArgumentException("line " + first.line() + ": " + first.reason());
        }
        return parsed.byPeriod();
    }

    /**
     * Reads the values and collects every offending row instead of stopping. With a {@code framework}, rows whose indicator is not one
     * of its {@link Framework#inputColumns()} or whose region it does not list (when it lists any) are offending too.
     */
    public static Parsed parse(Reader reader, Framework framework) {
        Map<String, ValueTable> byPeriod = new TreeMap<>();
        List<RowError> errors = new ArrayList<>();
        Set<String> columns = framework == null ? Set.of() : Set.copyOf(framework.inputColumns());
        Set<String> regions = framework == null ? Set.of() : Set.copyOf(framework.regions().stream().map(Region::code).toList());
        try (BufferedReader lines = new BufferedReader(reader)) {
            List<String> header = null;
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = fields(line);
                if (header == null) {
                    header = fields;
                    List<String> missing = REQUIRED.stream().filter(c -> !fields.contains(c)).toList();
                    if (!missing.isEmpty()) {
                        errors.add(new RowError(number, "the header lacks the columns " + missing));
                        break;
                    }
                    continue;
                }
                if (fields.size() < header.size()) {
                    errors.add(new RowError(number, "expected " + header.size() + " fields, found " + fields.size()));
                    continue;
                }
                String region = fields.get(header.indexOf("region"));
                String indicator = fields.get(header.indexOf("indicator"));
                String period = fields.get(header.indexOf("period"));
                String value = fields.get(header.indexOf("value"));
                String problem = problem(region, indicator, period, value, columns, regions);
                if (problem != null) {
                    errors.add(new RowError(number, problem));
                } else if (!value.isBlank()) {
                    byPeriod.computeIfAbsent(period, p -> new ValueTable()).put(region, indicator, Double.parseDouble(value));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(byPeriod, errors);
    }

    private static String problem(String region, String indicator, String period, String value, Set<String> columns, Set<String> regions) {
        if (region.isEmpty() || indicator.isEmpty() || period.isEmpty()) {
            return "region, indicator and period are required";
        }
        if (!columns.isEmpty() && !columns.contains(indicator)) {
            return "unknown indicator " + indicator;
        }
        if (!regions.isEmpty() && !regions.contains(region)) {
            return "region " + region + " is not in the framework";
        }
        if (value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) ? null : "value is not a finite number: " + value;
        } catch (NumberFormatException e) {
            return "value is not a number: " + value;
        }
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }
}

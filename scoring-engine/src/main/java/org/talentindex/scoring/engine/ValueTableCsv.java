package org.talentindex.scoring.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the sample-data CSV format {@code region,indicator,period,value} (further columns ignored, lines starting with {@code #} are
 * comments, fields may be double-quoted) into one {@link ValueTable} per period.
 */
public final class ValueTableCsv {

    private ValueTableCsv() {
    }

    public static Map<String, ValueTable> read(Reader reader) {
        Map<String, ValueTable> byPeriod = new TreeMap<>();
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
                    for (String required : List.of("region", "indicator", "period", "value")) {
                        if (!header.contains(required)) {
                            throw new IllegalArgumentException("line " + number + ": the header lacks the column " + required);
                        }
                    }
                    continue;
                }
                String value = fields.get(header.indexOf("value"));
                if (value.isBlank()) {
                    continue;
                }
                try {
                    byPeriod.computeIfAbsent(fields.get(header.indexOf("period")), p -> new ValueTable())
                            .put(fields.get(header.indexOf("region")), fields.get(header.indexOf("indicator")), Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + number + ": value is not a number: " + value, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPeriod;
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

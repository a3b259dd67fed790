package org.talentindex.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Values of one framework-period: region x indicator, in canonical units; a missing cell is absent. Stored by column so that an
 * evaluation reads whole indicator columns without hashing every cell.
 */
public final class ValueTable {

    private final Map<String, Integer> regionIndex = new LinkedHashMap<>();
    private final List<String> regionCodes = new ArrayList<>();
    private final Map<String, double[]> columns = new LinkedHashMap<>();

    public ValueTable() {
    }

    public ValueTable(ValueTable other) {
        regionIndex.putAll(other.regionIndex);
        regionCodes.addAll(other.regionCodes);
        other.columns.forEach((code, column) -> columns.put(code, column.clone()));
    }

    public void put(String region, String indicator, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN is not a value: remove the cell instead (" + region + ", " + indicator + ")");
        }
        int row = regionIndex.computeIfAbsent(region, code -> {
            regionCodes.add(code);
            return regionCodes.size() - 1;
        });
        double[] column = columns.computeIfAbsent(indicator, code -> emptyColumn(Math.max(16, regionCodes.size())));
        if (row >= column.length) {
            column = grow(column, Math.max(row + 1, column.length * 2));
            columns.put(indicator, column);
        }
        column[row] = value;
    }

    public void remove(String region, String indicator) {
        Integer row = regionIndex.get(region);
        double[] column = columns.get(indicator);
        if (row != null && column != null && row < column.length) {
            column[row] = Double.NaN;
        }
    }

    public OptionalDouble get(String region, String indicator) {
        Integer row = regionIndex.get(region);
        double[] column = columns.get(indicator);
        if (row == null || column == null || row >= column.length || Double.isNaN(column[row])) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(column[row]);
    }

    /** Regions with at least one cell ever put, in insertion order. */
    public Set<String> regions() {
        return Collections.unmodifiableSet(regionIndex.keySet());
    }

    /** Indicator codes with at least one cell ever put, in insertion order. */
    public Set<String> indicators() {
        return Collections.unmodifiableSet(columns.keySet());
    }

    /** The column of {@code indicator} for {@code regions} (NaN where missing), a fresh array. */
    public double[] column(String indicator, List<String> regions) {
        return column(indicator, rows(regions));
    }

    /** Storage rows of {@code regions} (-1 for unknown ones), to read several columns with {@link #column(String, int[])}. */
    public int[] rows(List<String> regions) {
        int[] rows = new int[regions.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = regionIndex.getOrDefault(regions.get(i), -1);
        }
        return rows;
    }

    public double[] column(String indicator, int[] rows) {
        double[] column = columns.get(indicator);
        double[] values = new double[rows.length];
        for (int i = 0; i < values.length; i++) {
            int row = rows[i];
            values[i] = row < 0 || column == null || row >= column.length ? Double.NaN : column[row];
        }
        return values;
    }

    private static double[] emptyColumn(int size) {
        double[] column = new double[size];
        Arrays.fill(column, Double.NaN);
        return column;
    }

    private static double[] grow(double[] column, int size) {
        double[] grown = Arrays.copyOf(column, size);
        Arrays.fill(grown, column.length, size, Double.NaN);
        return grown;
    }

    /** The table as region -> indicator -> value, for display and tests. */
    public Map<String, Map<String, Double>> asMap() {
        Map<String, Map<String, Double>> map = new HashMap<>();
        for (String region : regionCodes) {
            for (String indicator : columns.keySet()) {
                get(region, indicator).ifPresent(v -> map.computeIfAbsent(region, r -> new HashMap<>()).put(indicator, v));
            }
        }
        return map;
    }
}

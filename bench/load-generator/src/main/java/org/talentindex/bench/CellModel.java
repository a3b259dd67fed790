package org.talentindex.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** The values the generator has sent per period, and the scores a correct pipeline must publish for them. */
final class CellModel {

    private static final double MINIMUM_STEP = 50;

    private final SyntheticFramework framework;
    private final Map<Integer, double[]> valuesByPeriod = new HashMap<>();
    private final Map<Integer, int[]> revisionsByPeriod = new HashMap<>();
    private final SplittableRandom random = new SplittableRandom(42);

    CellModel(SyntheticFramework framework) {
        this.framework = framework;
    }

    SyntheticFramework framework() {
        return framework;
    }

    /**
     * A new value for the cell, remembered as the latest; two decimals, inside the indicator's range, and far enough from
     * the previous one that the region's rounded score always moves, so that scoring always publishes it.
     */
    double nextValue(int period, int region, int indicator) {
        double[] values = values(period);
        double previous = values[cell(region, indicator)];
        double value;
        do {
            value = Math.round(random.nextDouble(1, 1000) * 100) / 100.0;
        } while (Math.abs(value - previous) < MINIMUM_STEP);
        values[cell(region, indicator)] = value;
        return value;
    }

    /** The revision this value will have for scoring: 1 for the first value of the cell, then +1. */
    int nextRevision(int period, int region, int indicator) {
        return ++revisionsByPeriod.computeIfAbsent(period, p -> new int[framework.regions() * framework.indicators()])
                [cell(region, indicator)];
    }

    int randomRegion() {
        return random.nextInt(framework.regions());
    }

    int randomIndicator() {
        return random.nextInt(framework.indicators());
    }

    boolean complete(int period) {
        double[] values = valuesByPeriod.get(period);
        return values != null && Arrays.stream(values).noneMatch(Double::isNaN);
    }

    /** Composite score per region, rounded to the framework's two decimals; only for a complete period. */
    double[] expectedScores(int period) {
        int n = framework.regions();
        int m = framework.indicators();
        double[] values = values(period);
        double[] composite = new double[n];
        for (int j = 0; j < m; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, values[cell(i, j)]);
                max = Math.max(max, values[cell(i, j)]);
            }
            for (int i = 0; i < n; i++) {
                composite[i] += (max == min ? 0.5 : (values[cell(i, j)] - min) / (max - min)) / m;
            }
        }
        double low = Arrays.stream(composite).min().orElse(0);
        double high = Arrays.stream(composite).max().orElse(0);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double rescaled = high == low ? 50 : 100 * (composite[i] - low) / (high - low);
            scores[i] = Math.round(rescaled * 100) / 100.0;
        }
        return scores;
    }

    private double[] values(int period) {
        return valuesByPeriod.computeIfAbsent(period, p -> {
            double[] values = new double[framework.regions() * framework.indicators()];
            Arrays.fill(values, Double.NaN);
            return values;
        });
    }

    private int cell(int region, int indicator) {
        return region * framework.indicators() + indicator;
    }
}

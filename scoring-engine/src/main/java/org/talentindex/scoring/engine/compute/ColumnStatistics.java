package org.talentindex.scoring.engine.compute;

import org.apache.commons.numbers.core.DD;

/**
 * Statistics of one column over the included rows, ignoring NaN: count, min, max, mean and sample standard deviation.
 * {@link #of} computes the mean in double-double precision and the deviations from it in two passes, so z-scores stay
 * exact to a few ulps however large the mean is against the spread; a column whose min equals its max is constant and
 * has a standard deviation of exactly 0. Incremental evaluation keeps min, max and count current with {@link #add} and
 * {@link #remove} (O(1); removing the min or max needs a rescan, which {@link #remove} reports); mean and spread then
 * follow Welford's update.
 */
public final class ColumnStatistics {

    private int count;
    /** The mean is {@code mean + meanLow}: the low part is the double-double remainder (0 after an incremental update). */
    private double mean;
    private double meanLow;
    /** Sum of squared deviations from the mean. */
    private double squaredDeviations;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public static ColumnStatistics of(double[] column, boolean[] included) {
        ColumnStatistics statistics = new ColumnStatistics();
        DD sum = DD.ZERO;
        for (int i = 0; i < column.length; i++) {
            if (included[i] && !Double.isNaN(column[i])) {
                double x = column[i];
                statistics.count++;
                sum = sum.add(x);
                statistics.min = Math.min(statistics.min, x);
                statistics.max = Math.max(statistics.max, x);
            }
        }
        if (statistics.count == 0) {
            return statistics;
        }
        DD mean = sum.divide(statistics.count);
        statistics.mean = mean.hi();
        statistics.meanLow = mean.lo();
        double squares = 0;
        for (int i = 0; i < column.length; i++) {
            if (included[i] && !Double.isNaN(column[i])) {
                double deviation = statistics.deviation(column[i]);
                squares += deviation * deviation;
            }
        }
        statistics.squaredDeviations = statistics.constant() ? 0 : squares;
        return statistics;
    }

    public void add(double value) {
        count++;
        double delta = deviation(value);
        mean = mean() + delta / count;
        meanLow = 0;
        squaredDeviations += delta * (value - mean);
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Removes a value; false when it was the min or max, whose successor is unknown: rebuild the statistics with {@link #of}. */
    public boolean remove(double value) {
        count--;
        if (count == 0) {
            mean = 0;
            meanLow = 0;
            squaredDeviations = 0;
        } else {
            double delta = deviation(value);
            mean = mean() - delta / count;
            meanLow = 0;
            squaredDeviations = Math.max(0, squaredDeviations - delta * (value - mean));
        }
        return value != min && value != max;
    }

    public int count() {
        return count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double mean() {
        return count == 0 ? Double.NaN : mean + meanLow;
    }

    /** {@code x - mean}, with the mean's low part: exact to an ulp of the result even when the mean dwarfs the spread. */
    public double deviation(double x) {
        return (x - mean) - meanLow;
    }

    /** Sample standard deviation (n-1): 0 for fewer than two values and for a constant column. */
    public double sampleStandardDeviation() {
        if (count < 2 || constant()) {
            return 0;
        }
        return Math.sqrt(squaredDeviations / (count - 1));
    }

    public boolean constant() {
        return count == 0 || max == min;
    }
}

package org.talentindex.scoring.engine.compute;

/**
 * Sufficient statistics of one column over the included rows, ignoring NaN: count, sum, sum of squares, min, max. Kept per column by
 * incremental evaluation; {@link #add}/{@link #remove} are O(1), except that removing the current min or max needs a rescan
 * ({@link #remove} reports it).
 */
public final class ColumnStatistics {

    private int count;
    private double sum;
    private double sumOfSquares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public static ColumnStatistics of(double[] column, boolean[] included) {
        ColumnStatistics statistics = new ColumnStatistics();
        for (int i = 0; i < column.length; i++) {
            if (included[i] && !Double.isNaN(column[i])) {
                statistics.add(column[i]);
            }
        }
        return statistics;
    }

    public void add(double value) {
        count++;
        sum += value;
        sumOfSquares += value * value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Removes a value; false when it was the min or max, whose successor is unknown: rebuild the statistics with {@link #of}. */
    public boolean remove(double value) {
        count--;
        sum -= value;
        sumOfSquares -= value * value;
        return value != min && value != max;
    }

    public int count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Sample standard deviation (n-1), 0 for fewer than two values. */
    public double sampleStandardDeviation() {
        if (count < 2) {
            return 0;
        }
        double variance = (sumOfSquares - sum * sum / count) / (count - 1);
        return Math.sqrt(Math.max(0, variance));
    }

    public boolean constant() {
        return count == 0 || max == min;
    }
}

package org.talentindex.scoring.engine.compute;

/**
 * The sums entropy needs for one column: n, Σx' and Σx'·ln x' (x' the shifted value, see {@link SiblingWeights#entropy}), so that
 * e = -(Σx' ln x' / Σx' - ln Σx') / ln n. Incremental evaluation updates them per cell.
 */
public record EntropySums(int count, double sum, double sumXLogX) {

    public static EntropySums of(double[] column, boolean[] included, double shift) {
        double offset = offset(column, included, shift);
        int n = 0;
        double sum = 0;
        double sumXLogX = 0;
        for (int i = 0; i < column.length; i++) {
            if (included[i] && !Double.isNaN(column[i])) {
                double x = column[i] + offset;
                n++;
                sum += x;
                sumXLogX += x > 0 ? x * Math.log(x) : 0;
            }
        }
        return new EntropySums(n, sum, sumXLogX);
    }

    /** What is added to every value: {@code shift}, or {@code shift - min} when the column has negative values. */
    public static double offset(double[] column, boolean[] included, double shift) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < column.length; i++) {
            if (included[i] && !Double.isNaN(column[i])) {
                min = Math.min(min, column[i]);
            }
        }
        return min < 0 ? shift - min : shift;
    }

    /** Normalised entropy in [0, 1]; 1 (no information) for fewer than two values or a zero sum. */
    public double entropy() {
        if (count < 2 || !(sum > 0)) {
            return 1;
        }
        double e = -(sumXLogX / sum - Math.log(sum)) / Math.log(count);
        return Math.min(1, Math.max(0, e));
    }
}

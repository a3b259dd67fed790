package org.talentindex.scoring.engine.compute;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Weights of the k children of one node; every method returns weights that sum to 1 (equal weights when a data-driven method finds
 * no information at all, e.g. every column constant).
 */
public final class SiblingWeights {

    private SiblingWeights() {
    }

    public static double[] equal(int k) {
        double[] weights = new double[k];
        Arrays.fill(weights, 1.0 / k);
        return weights;
    }

    public static double[] declared(List<Double> weights) {
        return normalised(weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Scales to sum 1; all-zero weights become equal. */
    public static double[] normalised(double[] weights) {
        double sum = Arrays.stream(weights).sum();
        if (!(sum > 0)) {
            return equal(weights.length);
        }
        double[] result = new double[weights.length];
        for (int c = 0; c < weights.length; c++) {
            result[c] = weights[c] / sum;
        }
        return result;
    }

    /**
     * Entropy weights: for each column p_i = x'_i / Σx', e = -Σ p_i ln p_i / ln n (0·ln 0 = 0), w ∝ 1 - e. x' = x + shift when every
     * value is non-negative, otherwise x - min + shift (so that z-scores can be weighted too). n counts the non-missing values.
     */
    public static double[] entropy(double[][] columns, boolean[] included, double shift) {
        double[] divergence = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            divergence[c] = 1 - EntropySums.of(columns[c], included, shift).entropy();
        }
        return normalised(divergence);
    }

    /** CRITIC weights: C_j = s_j · Σ_k (1 - r_jk), s the sample standard deviation, r Pearson's correlation (0 with a constant column). */
    public static double[] critic(double[][] columns, boolean[] included) {
        int k = columns.length;
        double[] sd = new double[k];
        for (int c = 0; c < k; c++) {
            sd[c] = ColumnStatistics.of(columns[c], included).sampleStandardDeviation();
        }
        double[] information = new double[k];
        for (int c = 0; c < k; c++) {
            double conflict = 0;
            for (int other = 0; other < k; other++) {
                conflict += 1 - (sd[c] == 0 || sd[other] == 0 ? 0 : correlation(columns[c], columns[other], included));
            }
            information[c] = sd[c] * conflict;
        }
        return normalised(information);
    }

    private static double correlation(double[] a, double[] b, boolean[] included) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (included[i] && !Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                n++;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, k = 0; i < a.length; i++) {
            if (included[i] && !Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                x[k] = a[i];
                y[k++] = b[i];
            }
        }
        if (n < 2) {
            return 0;
        }
        double r = new PearsonsCorrelation().correlation(x, y);
        return Double.isNaN(r) ? 0 : r;
    }
}

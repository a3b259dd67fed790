package org.talentindex.scoring.engine.compute;

import org.talentindex.framework.AggregationMethod;

/**
 * Weighted mean of one region's children, skipping missing (NaN) children and rescaling the remaining weights (the COINr convention);
 * NaN when no child is available. Geometric: exp(Σ w ln x / Σ w); a zero child gives 0 and a negative child gives NaN (use a
 * normalisation with a positive lower bound, e.g. min-max to [1, 100], with geometric aggregation).
 */
public final class Aggregator {

    private Aggregator() {
    }

    public static double aggregate(AggregationMethod method, double[] values, double[] weights) {
        double weightSum = 0;
        double total = 0;
        boolean zero = false;
        for (int c = 0; c < values.length; c++) {
            double v = values[c];
            double w = weights[c];
            if (Double.isNaN(v) || w == 0) {
                continue;
            }
            weightSum += w;
            if (method == AggregationMethod.ARITHMETIC) {
                total += w * v;
            } else if (v > 0) {
                total += w * Math.log(v);
            } else if (v == 0) {
                zero = true;
            } else {
                return Double.NaN;
            }
        }
        if (weightSum == 0) {
            return Double.NaN;
        }
        if (method == AggregationMethod.ARITHMETIC) {
            return total / weightSum;
        }
        return zero ? 0 : Math.exp(total / weightSum);
    }
}

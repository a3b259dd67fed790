package org.talentindex.scoring.engine.compute;

import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.talentindex.scoring.engine.framework.OutlierPolicy;

/**
 * Winsorisation in place, the COINr/JRC way: while |skewness| > limit and kurtosis > limit (sample skewness and excess kurtosis, as
 * Excel's SKEW and KURT), the highest values (positive skew) or lowest (negative skew) are set to the next value inwards, one point at a
 * time, at most {@code maxPoints} points.
 */
public final class Winsoriser {

    private Winsoriser() {
    }

    /** @return the number of points changed */
    public static int winsorise(double[] column, boolean[] included, OutlierPolicy policy) {
        if (!policy.winsorise()) {
            return 0;
        }
        int changed = 0;
        while (changed < policy.maxPoints() && outlying(column, included, policy)) {
            boolean high = new Skewness().evaluate(present(column, included)) > 0;
            double extreme = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (int i = 0; i < column.length; i++) {
                if (included[i] && !Double.isNaN(column[i])) {
                    extreme = high ? Math.max(extreme, column[i]) : Math.min(extreme, column[i]);
                }
            }
            double next = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (int i = 0; i < column.length; i++) {
                if (included[i] && !Double.isNaN(column[i]) && column[i] != extreme) {
                    next = high ? Math.max(next, column[i]) : Math.min(next, column[i]);
                }
            }
            if (Double.isInfinite(next)) {
                break;
            }
            for (int i = 0; i < column.length; i++) {
                if (included[i] && column[i] == extreme) {
                    column[i] = next;
                    changed++;
                }
            }
        }
        return changed;
    }

    static boolean outlying(double[] column, boolean[] included, OutlierPolicy policy) {
        double[] values = present(column, included);
        if (values.length < 4) {
            return false;
        }
        double skew = new Skewness().evaluate(values);
        double kurtosis = new Kurtosis().evaluate(values);
        return Math.abs(skew) > policy.skewLimit() && kurtosis > policy.kurtosisLimit();
    }

    private static double[] present(double[] column, boolean[] included) {
        int n = 0;
        for (int i = 0; i < column.length; i++) {
            if (included[i] && !Double.isNaN(column[i])) {
                n++;
            }
        }
        double[] values = new double[n];
        for (int i = 0, k = 0; i < column.length; i++) {
            if (included[i] && !Double.isNaN(column[i])) {
                values[k++] = column[i];
            }
        }
        return values;
    }
}

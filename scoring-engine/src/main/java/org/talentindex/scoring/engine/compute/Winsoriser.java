package org.talentindex.scoring.engine.compute;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.talentindex.framework.OutlierPolicy;

/**
 * Outlier treatment in place, as COINr's {@code Treat()} with its defaults. A column fails when |skewness| ≥ limit and kurtosis ≥ limit
 * (sample skewness and excess kurtosis as Excel's SKEW and KURT, COINr's {@code skew}/{@code kurt}). A failing column is winsorised:
 * the highest values (skewness ≥ 0, re-evaluated at each step) or the lowest are set to the next value inwards, until it passes or
 * {@code maxPoints} distinct points have been treated. If it still fails and the policy says so, the original column is log-transformed
 * instead: {@code ln(x - min + 0.01·(max - min))} (COINr's {@code log_CT}).
 */
public final class Winsoriser {

    private Winsoriser() {
    }

    /** What was done to a column; {@code LEFT_TWO_VALUED}: it failed, but has two distinct values or fewer and was left as it is. */
    public enum Treatment { NONE, WINSORISED, LOG_TRANSFORMED, LEFT_TWO_VALUED }

    /**
     * Treats a failing column in place. A column of two distinct values (a 0/1 indicator with rare 1s fails the test) is left
     * untouched: winsorising it would make it constant.
     */
    public static Treatment treat(double[] column, boolean[] included, OutlierPolicy policy) {
        if (!policy.winsorise() || !failing(column, included, policy)) {
            return Treatment.NONE;
        }
        if (Arrays.stream(present(column, included)).distinct().count() <= 2) {
            return Treatment.LEFT_TWO_VALUED;
        }
        double[] original = column.clone();
        winsorise(column, included, policy);
        if (!failing(column, included, policy) || !policy.logFallback()) {
            return Treatment.WINSORISED;
        }
        System.arraycopy(original, 0, column, 0, column.length);
        logTransform(column, included);
        return Treatment.LOG_TRANSFORMED;
    }

    /** @return the number of distinct points changed */
    public static int winsorise(double[] column, boolean[] included, OutlierPolicy policy) {
        boolean[] treated = new boolean[column.length];
        int count = 0;
        while (count < policy.maxPoints() && failing(column, included, policy)) {
            boolean high = new Skewness().evaluate(present(column, included)) >= 0;
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
                    count += treated[i] ? 0 : 1;
                    treated[i] = true;
                }
            }
        }
        return count;
    }

    static void logTransform(double[] column, boolean[] included) {
        ColumnStatistics statistics = ColumnStatistics.of(column, included);
        double shift = 0.01 * (statistics.max() - statistics.min());
        for (int i = 0; i < column.length; i++) {
            if (included[i] && !Double.isNaN(column[i])) {
                column[i] = Math.log(column[i] - statistics.min() + shift);
            }
        }
    }

    static boolean failing(double[] column, boolean[] included, OutlierPolicy policy) {
        double[] values = present(column, included);
        if (values.length < 4) {
            return false;
        }
        double skew = new Skewness().evaluate(values);
        double kurtosis = new Kurtosis().evaluate(values);
        return Math.abs(skew) >= policy.skewLimit() && kurtosis >= policy.kurtosisLimit();
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

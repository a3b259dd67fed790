package org.talentindex.scoring.engine.compute;

import java.util.Arrays;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.talentindex.framework.Direction;
import org.talentindex.framework.Indicator;
import org.talentindex.framework.Normalisation;
import org.talentindex.framework.NormalisationMethod;
import org.talentindex.framework.ValueRange;

/**
 * Normalises one indicator column over the included rows (others become NaN). "-" indicators are reversed: min-max, percentile and
 * distance-to-target measure from the best end; z-score and rank use the negated value; distance-to-reference uses the inverse ratio.
 * Formulas follow COINr's {@code n_*} functions (applied, as there, after the direction).
 * <p>
 * Constant column convention: when every included value is equal (max = min) min-max puts each value at the centre of the output
 * range, (low+high)/2, and z-scores give {@code mean} (COINr returns NaN). Ranks are COINr's "min" ranks, so a constant column gets
 * rank 1 and percentile {@code low}.
 */
public final class ColumnNormaliser {

    private ColumnNormaliser() {
    }

    public static double[] normalise(double[] column, boolean[] included, Indicator indicator, Normalisation settings,
                                     double referenceValue) {
        return normalise(column, included, indicator, settings, referenceValue, ColumnStatistics.of(column, included));
    }

    public static double[] normalise(double[] column, boolean[] included, Indicator indicator, Normalisation settings,
                                     double referenceValue, ColumnStatistics statistics) {
        Direction direction = indicator.direction();
        double[] result = new double[column.length];
        if (settings.method() == NormalisationMethod.RANK
                || settings.method() == NormalisationMethod.PERCENTILE) {
            Arrays.fill(result, Double.NaN);
            return ranks(column, included, direction, settings, result);
        }
        for (int i = 0; i < column.length; i++) {
            result[i] = included[i] && !Double.isNaN(column[i]) ? value(column[i], indicator, settings, referenceValue, statistics) : Double.NaN;
        }
        return result;
    }

    /** One normalised value given the column's statistics (min-max, z-score, distance and none; not ranks). */
    public static double value(double x, Indicator indicator, Normalisation settings, double referenceValue, ColumnStatistics statistics) {
        boolean positive = indicator.direction() == Direction.POSITIVE;
        Double target = indicator.target();
        double low = settings.low();
        double high = settings.high();
        return switch (settings.method()) {
            case MIN_MAX -> statistics.constant() ? (low + high) / 2
                    : low + (high - low) * (positive ? x - statistics.min() : statistics.max() - x) / (statistics.max() - statistics.min());
            case Z_SCORE -> {
                double sd = statistics.sampleStandardDeviation();
                yield sd == 0 ? settings.mean() : settings.mean() + settings.sd() * (positive ? 1 : -1) * statistics.deviation(x) / sd;
            }
            case DISTANCE_TO_REFERENCE -> {
                double distance = positive ? 1 - (referenceValue - x) / (referenceValue - statistics.min())
                        : 1 - (x - referenceValue) / (statistics.max() - referenceValue);
                yield low + (high - low) * (settings.cap() ? Math.min(1, distance) : distance);
            }
            case DISTANCE_TO_TARGET -> {
                double span = positive ? target - statistics.min() : statistics.max() - target;
                double distance = (positive ? x - statistics.min() : statistics.max() - x) / span;
                yield low + (high - low) * (settings.cap() ? Math.min(1, distance) : distance);
            }
            case GOALPOSTS -> {
                ValueRange range = indicator.range();
                double share = Math.min(1, Math.max(0, (x - range.min()) / (range.max() - range.min())));
                yield low + (high - low) * (positive ? share : 1 - share);
            }
            case NONE -> positive ? x : -x;
            case RANK, PERCENTILE -> throw new IllegalArgumentException("ranks need the whole column");
        };
    }

    private static double[] ranks(double[] column, boolean[] included, Direction direction, Normalisation settings, double[] result) {
        int[] rows = java.util.stream.IntStream.range(0, column.length).filter(i -> included[i] && !Double.isNaN(column[i])).toArray();
        double[] values = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            values[k] = direction == Direction.POSITIVE ? column[rows[k]] : -column[rows[k]];
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.MINIMUM).rank(values);
        int n = rows.length;
        for (int k = 0; k < n; k++) {
            boolean percentile = settings.method() == NormalisationMethod.PERCENTILE;
            result[rows[k]] = !percentile ? ranks[k]
                    : n < 2 ? settings.low()
                    : settings.low() + (settings.high() - settings.low()) * (ranks[k] - 1) / (n - 1);
        }
        return result;
    }
}

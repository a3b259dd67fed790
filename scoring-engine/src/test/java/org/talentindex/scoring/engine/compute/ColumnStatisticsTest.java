package org.talentindex.scoring.engine.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.talentindex.framework.Direction;
import org.talentindex.framework.Indicator;
import org.talentindex.framework.LocalizedName;
import org.talentindex.framework.MeasureType;
import org.talentindex.framework.Normalisation;
import org.talentindex.framework.NormalisationMethod;

/**
 * Means, standard deviations and z-scores against exact decimal arithmetic (BigDecimal, 50 digits) on columns far from zero
 * relative to their spread, and against Commons Math's corrected two-pass estimators on ordinary columns.
 */
class ColumnStatisticsTest {

    private static final MathContext EXACT = new MathContext(50);
    private static final Indicator X = new Indicator("x", new LocalizedName("x", "x"), "", Direction.POSITIVE, MeasureType.CONTINUOUS, null);
    private static final Normalisation Z = new Normalisation(NormalisationMethod.Z_SCORE, 0, 1, 10, 2, null, false);

    @Test
    void zScoresAreExactTo1e9RelativeWithMeansUpTo1e8StandardDeviations() {
        SplittableRandom random = new SplittableRandom(20261208);
        for (double ratio : new double[] {1, 1e4, 1e6, 1e8}) {
            for (int trial = 0; trial < 50; trial++) {
                double sd = Math.pow(10, random.nextInt(-3, 6));
                double[] column = new double[2 + random.nextInt(300)];
                for (int i = 0; i < column.length; i++) {
                    column[i] = ratio * sd + sd * random.nextGaussian();
                }
                double[] z = ColumnNormaliser.normalise(column, all(column.length), X, Z, Double.NaN);
                BigDecimal[] exact = exactZ(column);
                for (int i = 0; i < column.length; i++) {
                    double expected = 10 + 2 * exact[i].doubleValue();
                    assertEquals(expected, z[i], 1e-9 * Math.max(1, Math.abs(expected)), "mean/sd " + ratio + ", row " + i);
                }
            }
        }
    }

    @Test
    void aConstantColumnWhoseSumIsInexactIsConstant() {
        double[] column = new double[1000];
        Arrays.fill(column, 0.1);
        ColumnStatistics statistics = ColumnStatistics.of(column, all(column.length));
        assertTrue(statistics.constant());
        assertEquals(0.0, statistics.sampleStandardDeviation());
        double[] z = ColumnNormaliser.normalise(column, all(column.length), X, Z, Double.NaN);
        assertTrue(Arrays.stream(z).allMatch(v -> v == 10), "every z-score is the target mean");
    }

    @Test
    void ordinaryColumnsAgreeWithCommonsMath() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] column = random.doubles(2 + random.nextInt(100), -50, 50).toArray();
            ColumnStatistics statistics = ColumnStatistics.of(column, all(column.length));
            assertEquals(new Mean().evaluate(column), statistics.mean(), 1e-13);
            assertEquals(new StandardDeviation().evaluate(column), statistics.sampleStandardDeviation(), 1e-12);
        }
    }

    @Test
    void incrementalUpdatesFollowTheColumn() {
        SplittableRandom random = new SplittableRandom(11);
        double[] column = random.doubles(50, 0, 100).toArray();
        ColumnStatistics statistics = ColumnStatistics.of(column, all(column.length));
        for (int step = 0; step < 500; step++) {
            int row = random.nextInt(column.length);
            double next = random.nextDouble(0, 100);
            if (!statistics.remove(column[row])) {
                column[row] = next;
                statistics = ColumnStatistics.of(column, all(column.length));
            } else {
                column[row] = next;
                statistics.add(next);
            }
        }
        assertEquals(new Mean().evaluate(column), statistics.mean(), 1e-9);
        assertEquals(new StandardDeviation().evaluate(column), statistics.sampleStandardDeviation(), 1e-9);
    }

    private static BigDecimal[] exactZ(double[] column) {
        BigDecimal n = BigDecimal.valueOf(column.length);
        BigDecimal sum = BigDecimal.ZERO;
        for (double x : column) {
            sum = sum.add(new BigDecimal(x));
        }
        BigDecimal mean = sum.divide(n, EXACT);
        BigDecimal squares = BigDecimal.ZERO;
        for (double x : column) {
            BigDecimal deviation = new BigDecimal(x).subtract(mean);
            squares = squares.add(deviation.multiply(deviation));
        }
        BigDecimal sd = squares.divide(n.subtract(BigDecimal.ONE), EXACT).sqrt(EXACT);
        BigDecimal[] z = new BigDecimal[column.length];
        for (int i = 0; i < column.length; i++) {
            z[i] = new BigDecimal(column[i]).subtract(mean).divide(sd, EXACT);
        }
        return z;
    }

    private static boolean[] all(int n) {
        boolean[] included = new boolean[n];
        Arrays.fill(included, true);
        return included;
    }
}

package org.talentindex.scoring.engine.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.talentindex.framework.AggregationMethod;
import org.talentindex.framework.Direction;
import org.talentindex.framework.Indicator;
import org.talentindex.framework.LocalizedName;
import org.talentindex.framework.MeasureType;
import org.talentindex.framework.Normalisation;
import org.talentindex.framework.NormalisationMethod;
import org.talentindex.framework.OutlierPolicy;
import org.talentindex.framework.ValueRange;

/** Each method on small columns computed by hand. */
class MethodsTest {

    private static final double EPS = 1e-12;
    private static final double[] COLUMN = {2, 4, 6, 10};
    private static final boolean[] ALL = {true, true, true, true};

    private static Indicator indicator(Direction direction, Double target, ValueRange range) {
        return new Indicator("x", new LocalizedName("x", "x"), "", direction, MeasureType.CONTINUOUS, range, null, null, target);
    }

    private static double[] normalise(double[] column, NormalisationMethod method, Direction direction, double low, double high,
                                      Double target, double reference) {
        boolean[] included = new boolean[column.length];
        Arrays.fill(included, true);
        return ColumnNormaliser.normalise(column, included, indicator(direction, target, new ValueRange(0, 20)),
                new Normalisation(method, low, high, 0, 1, null, false), reference);
    }

    @Test
    void minMaxAndItsReverse() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 1}, normalise(COLUMN, NormalisationMethod.MIN_MAX, Direction.POSITIVE, 0, 1, null, 0), EPS);
        assertArrayEquals(new double[] {1, 0.75, 0.5, 0}, normalise(COLUMN, NormalisationMethod.MIN_MAX, Direction.NEGATIVE, 0, 1, null, 0), EPS);
    }

    @Test
    void efficacyCoefficientSixtyPlusForty() {
        assertArrayEquals(new double[] {60, 70, 80, 100}, normalise(COLUMN, NormalisationMethod.MIN_MAX, Direction.POSITIVE, 60, 100, null, 0), EPS);
        assertArrayEquals(new double[] {50, 62.5, 75, 100}, normalise(COLUMN, NormalisationMethod.MIN_MAX, Direction.POSITIVE, 50, 100, null, 0), EPS);
    }

    @Test
    void zScoreUsesTheSampleStandardDeviation() {
        double sd = Math.sqrt(35.0 / 3);
        assertArrayEquals(new double[] {-3.5 / sd, -1.5 / sd, 0.5 / sd, 4.5 / sd},
                normalise(COLUMN, NormalisationMethod.Z_SCORE, Direction.POSITIVE, 0, 1, null, 0), EPS);
        assertArrayEquals(new double[] {3.5 / sd, 1.5 / sd, -0.5 / sd, -4.5 / sd},
                normalise(COLUMN, NormalisationMethod.Z_SCORE, Direction.NEGATIVE, 0, 1, null, 0), EPS);
    }

    @Test
    void ranksGiveTiesTheLowestRankAndPercentilesSpanTheRange() {
        assertArrayEquals(new double[] {1, 2, 2, 4},
                normalise(new double[] {1, 5, 5, 9}, NormalisationMethod.RANK, Direction.POSITIVE, 0, 1, null, 0), EPS);
        assertArrayEquals(new double[] {4, 3, 2, 1}, normalise(COLUMN, NormalisationMethod.RANK, Direction.NEGATIVE, 0, 1, null, 0), EPS);
        assertArrayEquals(new double[] {0, 100.0 / 3, 200.0 / 3, 100},
                normalise(COLUMN, NormalisationMethod.PERCENTILE, Direction.POSITIVE, 0, 100, null, 0), EPS);
    }

    @Test
    void distanceToReferenceAndToTargetAsCoinr() {
        // reference 6: 1 - (6 - x)/(6 - 2)
        assertArrayEquals(new double[] {0, 0.5, 1, 2},
                normalise(COLUMN, NormalisationMethod.DISTANCE_TO_REFERENCE, Direction.POSITIVE, 0, 1, null, 6), EPS);
        // "-": 1 - (x - 6)/(10 - 6)
        assertArrayEquals(new double[] {2, 1.5, 1, 0},
                normalise(COLUMN, NormalisationMethod.DISTANCE_TO_REFERENCE, Direction.NEGATIVE, 0, 1, null, 6), EPS);
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3, 4.0 / 3},
                normalise(COLUMN, NormalisationMethod.DISTANCE_TO_TARGET, Direction.POSITIVE, 0, 1, 8.0, 0), EPS);
        assertArrayEquals(new double[] {1.6, 1.2, 0.8, 0},
                normalise(COLUMN, NormalisationMethod.DISTANCE_TO_TARGET, Direction.NEGATIVE, 0, 1, 5.0, 0), EPS);
        boolean[] all = {true, true, true, true};
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3, 1}, ColumnNormaliser.normalise(COLUMN, all,
                indicator(Direction.POSITIVE, 8.0, ValueRange.UNBOUNDED),
                new Normalisation(NormalisationMethod.DISTANCE_TO_TARGET, 0, 1, 0, 1, null, true), 0), EPS);
    }

    @Test
    void goalpostsUseTheDeclaredRangeAndClip() {
        assertArrayEquals(new double[] {10, 20, 30, 50, 100},
                normalise(new double[] {2, 4, 6, 10, 25}, NormalisationMethod.GOALPOSTS, Direction.POSITIVE, 0, 100, null, 0), EPS);
    }

    @Test
    void aConstantColumnHasADefinedResult() {
        double[] constant = {3, 3, 3};
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, normalise(constant, NormalisationMethod.MIN_MAX, Direction.POSITIVE, 0, 1, null, 0), EPS);
        assertArrayEquals(new double[] {80, 80, 80}, normalise(constant, NormalisationMethod.MIN_MAX, Direction.NEGATIVE, 60, 100, null, 0), EPS);
        assertArrayEquals(new double[] {0, 0, 0}, normalise(constant, NormalisationMethod.Z_SCORE, Direction.POSITIVE, 0, 1, null, 0), EPS);
        assertArrayEquals(new double[] {0, 0, 0}, normalise(constant, NormalisationMethod.PERCENTILE, Direction.POSITIVE, 0, 1, null, 0), EPS);
        assertArrayEquals(new double[] {1, 1, 1}, normalise(constant, NormalisationMethod.RANK, Direction.POSITIVE, 0, 1, null, 0), EPS);
    }

    @Test
    void missingAndExcludedRowsStayMissing() {
        double[] result = ColumnNormaliser.normalise(new double[] {1, Double.NaN, 3, 100}, new boolean[] {true, true, true, false},
                indicator(Direction.POSITIVE, null, ValueRange.UNBOUNDED), Normalisation.MIN_MAX_UNIT, 0);
        assertArrayEquals(new double[] {0, Double.NaN, 1, Double.NaN}, result, EPS);
    }

    @Test
    void equalAndDeclaredWeights() {
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, SiblingWeights.equal(4), EPS);
        assertArrayEquals(new double[] {0.2, 0.3, 0.5}, SiblingWeights.declared(List.of(2.0, 3.0, 5.0)), EPS);
    }

    @Test
    void entropyWeightsByHand() {
        // e_j = -Σ p ln p / ln 3; a = (1,2,3): p = (1/6, 2/6, 3/6); b = (2,2,4): p = (1/4, 1/4, 1/2); w ∝ 1 - e
        double ea = -(1.0 / 6 * Math.log(1.0 / 6) + 2.0 / 6 * Math.log(2.0 / 6) + 0.5 * Math.log(0.5)) / Math.log(3);
        double eb = -(2 * 0.25 * Math.log(0.25) + 0.5 * Math.log(0.5)) / Math.log(3);
        double[] weights = SiblingWeights.entropy(new double[][] {{1, 2, 3}, {2, 2, 4}}, new boolean[] {true, true, true}, 0);
        assertArrayEquals(new double[] {(1 - ea) / (2 - ea - eb), (1 - eb) / (2 - ea - eb)}, weights, EPS);
        assertEquals(0.596908264686658, weights[0], 1e-12);
    }

    @Test
    void entropyGivesAConstantColumnNoWeightAndAllConstantEqualWeights() {
        boolean[] all = {true, true, true};
        assertArrayEquals(new double[] {1, 0}, SiblingWeights.entropy(new double[][] {{0, 0.5, 1}, {0.3, 0.3, 0.3}}, all, 1e-4), EPS);
        assertArrayEquals(new double[] {0.5, 0.5}, SiblingWeights.entropy(new double[][] {{1, 1, 1}, {2, 2, 2}}, all, 1e-4), EPS);
    }

    @Test
    void criticWeightsByHand() {
        double[] weights = SiblingWeights.critic(new double[][] {{1, 2, 3, 4}, {4, 3, 1, 2}, {2, 2, 3, 5}}, ALL);
        assertArrayEquals(new double[] {0.26860210763106057, 0.47649381730787316, 0.2549040750610662}, weights, 1e-12);
    }

    @Test
    void arithmeticAndGeometricMeansSkipMissingChildren() {
        assertEquals(3, Aggregator.aggregate(AggregationMethod.ARITHMETIC, new double[] {Double.NaN, 2, 4}, new double[] {0.5, 0.25, 0.25}), EPS);
        assertEquals(2, Aggregator.aggregate(AggregationMethod.GEOMETRIC, new double[] {4, 1}, new double[] {0.5, 0.5}), EPS);
        assertEquals(Math.pow(8, 0.75) * Math.pow(2, 0.25), Aggregator.aggregate(AggregationMethod.GEOMETRIC, new double[] {8, 2},
                new double[] {0.75, 0.25}), EPS);
        assertEquals(0, Aggregator.aggregate(AggregationMethod.GEOMETRIC, new double[] {0, 5}, new double[] {0.5, 0.5}), EPS);
        assertTrue(Double.isNaN(Aggregator.aggregate(AggregationMethod.ARITHMETIC, new double[] {Double.NaN}, new double[] {1})));
    }

    @Test
    void winsorisesTheOutlierUntilSkewAndKurtosisAreAcceptable() {
        double[] column = new double[20];
        for (int i = 0; i < 19; i++) {
            column[i] = i + 1;
        }
        column[19] = 100;
        boolean[] all = new boolean[20];
        Arrays.fill(all, true);
        assertEquals(Winsoriser.Treatment.WINSORISED, Winsoriser.treat(column, all, new OutlierPolicy(true, 2, 3.5, 5, true)));
        assertEquals(19, column[19]);
        double[] symmetric = {1, 2, 3, 4, 5, 6};
        assertEquals(Winsoriser.Treatment.NONE, Winsoriser.treat(symmetric, new boolean[] {true, true, true, true, true, true},
                new OutlierPolicy(true, 2, 3.5, 5, true)));
    }

    @Test
    void countsDistinctPointsAsCoinrDoesAndFallsBackToLog() {
        // COINr's own example: 1..10, 30, 100
        double[] column = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
        boolean[] all = new boolean[column.length];
        Arrays.fill(all, true);
        assertEquals(1, Winsoriser.winsorise(column.clone(), all, new OutlierPolicy(true, 2, 3.5, 1, false)));
        double[] twoPoints = column.clone();
        // with lower limits a second step is needed: it sets both 30s (the treated point and the next) to 10, two distinct points
        assertEquals(2, Winsoriser.winsorise(twoPoints, all, new OutlierPolicy(true, 1.5, 1.5, 5, false)));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10}, twoPoints, EPS);

        double[] logged = column.clone();
        assertEquals(Winsoriser.Treatment.LOG_TRANSFORMED, Winsoriser.treat(logged, all, new OutlierPolicy(true, 0.1, -10, 1, true)));
        assertEquals(Math.log(0.99), logged[0], EPS);
        assertEquals(Math.log(99 + 0.99), logged[11], EPS);
    }

    @Test
    void ranksAreUniqueAndTiesGoByRegionCode() {
        int[] ranks = Ranking.ranks(new double[] {5, 7, 7, Double.NaN, 1}, new boolean[] {true, true, true, true, true},
                List.of("e", "b", "a", "d", "c"), true);
        assertArrayEquals(new int[] {3, 2, 1, 0, 4}, ranks);
        assertArrayEquals(new int[] {2, 1, 0}, Ranking.ranks(new double[] {0.9, 0.4, 0.1}, new boolean[] {true, true, false},
                List.of("x", "y", "z"), false));
    }

    @Test
    void aTwoValuedColumnIsLeftAsItIsThoughItFails() {
        double[] rare = new double[40];
        rare[3] = 1;
        boolean[] included = new boolean[rare.length];
        Arrays.fill(included, true);
        double[] before = rare.clone();
        OutlierPolicy policy = new OutlierPolicy(true, 2, 3.5, 5, true);
        assertTrue(Winsoriser.failing(rare, included, policy), "a 0/1 column with one 1 in 40 fails the skew and kurtosis test");
        assertEquals(Winsoriser.Treatment.LEFT_TWO_VALUED, Winsoriser.treat(rare, included, policy));
        assertArrayEquals(before, rare, 0);
    }
}

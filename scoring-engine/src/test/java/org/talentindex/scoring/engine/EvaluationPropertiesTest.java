package org.talentindex.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkLoader;
import org.talentindex.framework.Weighting;
import org.talentindex.framework.WeightingMethod;

/** Properties over random matrices and random weighting/normalisation choices. */
class EvaluationPropertiesTest {

    record Case(String weighting, String normalisation, double[][] matrix, long seed) {

        Framework framework(String extra) {
            return FrameworkLoader.parse("""
                    id: random
                    normalisation: {method: %s}
                    weighting: {method: %s}
                    %s
                    dimensions:
                      - code: d1
                        indicators:
                          - {code: i0}
                          - {code: i1, direction: "-"}
                      - code: d2
                        dimensions:
                          - code: d21
                            indicators:
                              - {code: i2}
                              - {code: i3}
                          - code: d22
                            indicators:
                              - {code: i4, direction: "-"}
                    """.formatted(normalisation, weighting, extra), "random.yaml");
        }

        ValueTable table(List<Integer> rowOrder) {
            ValueTable table = new ValueTable();
            for (int row : rowOrder) {
                for (int j = 0; j < matrix[row].length; j++) {
                    table.put(String.format("r%03d", row), "i" + j, matrix[row][j]);
                }
            }
            return table;
        }

        ValueTable table() {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < matrix.length; i++) {
                rows.add(i);
            }
            return table(rows);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<double[][]> matrices = Arbitraries.integers().between(2, 25).flatMap(n ->
                Arbitraries.doubles().between(0, 1000).ofScale(3).array(double[].class).ofSize(5).array(double[][].class).ofSize(n));
        return Combinators.combine(Arbitraries.of("equal", "entropy", "critic"), Arbitraries.of("min-max", "percentile"), matrices,
                Arbitraries.longs()).as(Case::new);
    }

    @Property(tries = 150)
    void weightsOfEverySiblingGroupSumToOne(@ForAll("cases") Case c) {
        Evaluation evaluation = FrameworkEvaluator.evaluate(c.framework(""), c.table());
        assertEquals(1, evaluation.weights().get("d1") + evaluation.weights().get("d2"), 1e-9);
        assertEquals(1, evaluation.weights().get("i0") + evaluation.weights().get("i1"), 1e-9);
        assertEquals(1, evaluation.weights().get("i2") + evaluation.weights().get("i3"), 1e-9);
        assertEquals(1, evaluation.weights().get("d21") + evaluation.weights().get("d22"), 1e-9);
        assertEquals(1, evaluation.compositeWeights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        evaluation.weights().values().forEach(w -> assertTrue(w >= 0));
    }

    @Property(tries = 150)
    void scoresStayWithinTheRescaleBoundsAtEveryLevel(@ForAll("cases") Case c) {
        Evaluation evaluation = FrameworkEvaluator.evaluate(c.framework("rescale: {min: 50, max: 100, levels: all}"), c.table());
        for (RegionResult result : evaluation.regions()) {
            assertTrue(result.score() >= 50 - 1e-9 && result.score() <= 100 + 1e-9, result.toString());
            result.levelScores().values().forEach(v -> assertTrue(v >= 50 - 1e-9 && v <= 100 + 1e-9, result.toString()));
        }
    }

    @Property(tries = 100)
    void invariantToTheOrderOfRegions(@ForAll("cases") Case c) {
        Evaluation ordered = FrameworkEvaluator.evaluate(c.framework(""), c.table());
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < c.matrix().length; i++) {
            rows.add(i);
        }
        Collections.shuffle(rows, new Random(c.seed()));
        Evaluation shuffled = FrameworkEvaluator.evaluate(c.framework(""), c.table(rows));
        IncrementalEvaluationTest.assertSame(ordered, shuffled, "shuffled");
    }

    @Property(tries = 150)
    void raisingAPositiveIndicatorNeverLowersThatRegionsScore(@ForAll("cases") Case c) {
        Framework framework = c.framework("").withWeighting(new Weighting(WeightingMethod.EQUAL, Weighting.DEFAULT_ENTROPY_SHIFT));
        ValueTable values = c.table();
        Random random = new Random(c.seed());
        String region = String.format("r%03d", random.nextInt(c.matrix().length));
        String indicator = List.of("i0", "i2", "i3").get(random.nextInt(3));
        double before = FrameworkEvaluator.evaluate(framework, values).region(region).orElseThrow().score();
        values.put(region, indicator, values.get(region, indicator).orElseThrow() + 1 + random.nextDouble() * 500);
        double after = FrameworkEvaluator.evaluate(framework, values).region(region).orElseThrow().score();
        assertTrue(after >= before - 1e-12, before + " -> " + after);
    }
}

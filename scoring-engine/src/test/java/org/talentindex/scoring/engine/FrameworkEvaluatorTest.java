package org.talentindex.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkLoader;

/** Whole evaluations of small frameworks, checked against hand computation. */
class FrameworkEvaluatorTest {

    private static final double EPS = 1e-12;

    private static final String TWO_LEVELS = """
            id: two-levels
            method: composite
            weighting: {method: fixed}
            dimensions:
              - code: a
                weight: 0.75
                indicators:
                  - {code: x, direction: "+", weight: 0.5}
                  - {code: y, direction: "-", weight: 0.5}
              - code: b
                weight: 0.25
                dimensions:
                  - code: b1
                    weight: 1
                    indicators:
                      - {code: z, direction: "+", weight: 1}
            """;

    private static ValueTable table(Object... cells) {
        ValueTable table = new ValueTable();
        for (int i = 0; i < cells.length; i += 3) {
            table.put((String) cells[i], (String) cells[i + 1], ((Number) cells[i + 2]).doubleValue());
        }
        return table;
    }

    private static final ValueTable THREE_REGIONS = table(
            "r1", "x", 0, "r1", "y", 0, "r1", "z", 10,
            "r2", "x", 5, "r2", "y", 5, "r2", "z", 20,
            "r3", "x", 10, "r3", "y", 10, "r3", "z", 30);

    @Test
    void weightedArithmeticLevelByLevel() {
        Evaluation evaluation = FrameworkEvaluator.evaluate(FrameworkLoader.parse(TWO_LEVELS, "t.yaml"), THREE_REGIONS);
        // normalised: x = (0, .5, 1), y reversed = (1, .5, 0), z = (0, .5, 1); a = (.5, .5, .5); b1 = b = z
        RegionResult r1 = evaluation.region("r1").orElseThrow();
        assertEquals(0.5, r1.levelScores().get("a"), EPS);
        assertEquals(0, r1.levelScores().get("b1"), EPS);
        assertEquals(0.375, r1.score(), EPS);
        assertEquals(0.5, evaluation.region("r2").orElseThrow().score(), EPS);
        assertEquals(0.625, evaluation.region("r3").orElseThrow().score(), EPS);
        assertEquals(List.of(3, 2, 1), evaluation.regions().stream().map(RegionResult::rank).toList());
        assertEquals(Map.of("x", 0.375, "y", 0.375, "z", 0.25), evaluation.compositeWeights());
        assertEquals(0.75, evaluation.weights().get("a"), EPS);
    }

    @Test
    void finalRescaleOfTheCompositeAndOfEveryLevel() {
        Framework framework = FrameworkLoader.parse(TWO_LEVELS + "rescale: {min: 50, max: 100, levels: all}\n", "t.yaml");
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, THREE_REGIONS);
        assertEquals(List.of(50.0, 75.0, 100.0), evaluation.regions().stream().map(RegionResult::score).toList());
        assertEquals(75.0, evaluation.region("r1").orElseThrow().levelScores().get("a"), EPS);
        assertEquals(50.0, evaluation.region("r1").orElseThrow().levelScores().get("b"), EPS);
    }

    @Test
    void geometricAggregationOnAPositiveRange() {
        String yaml = TWO_LEVELS.replace("method: composite", "method: composite\nnormalisation: {method: min-max, low: 1, high: 100}")
                + "aggregation: {method: geometric}\n";
        RegionResult r1 = FrameworkEvaluator.evaluate(FrameworkLoader.parse(yaml, "g.yaml"), THREE_REGIONS).region("r1").orElseThrow();
        // x = 1, y = 100 -> a = sqrt(100) = 10; b = 1; composite = 10^0.75 * 1^0.25
        assertEquals(10, r1.levelScores().get("a"), 1e-9);
        assertEquals(Math.pow(10, 0.75), r1.score(), 1e-9);
    }

    @Test
    void insufficientDataIsReportedNotRanked() {
        Framework framework = FrameworkLoader.parse(TWO_LEVELS + "missing-data: {min-region-coverage: 0.6}\n", "t.yaml");
        ValueTable values = new ValueTable(THREE_REGIONS);
        values.put("r4", "x", 3);
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, values);
        RegionResult r4 = evaluation.region("r4").orElseThrow();
        assertEquals(RegionStatus.INSUFFICIENT_DATA, r4.status());
        assertEquals(0, r4.rank());
        assertTrue(Double.isNaN(r4.score()));
        assertEquals(0.625, evaluation.region("r3").orElseThrow().score(), EPS);
    }

    @Test
    void withoutImputationMissingSiblingsAreSkippedAndTheirWeightSpread() {
        ValueTable values = new ValueTable(THREE_REGIONS);
        values.remove("r1", "y");
        RegionResult r1 = FrameworkEvaluator.evaluate(FrameworkLoader.parse(TWO_LEVELS, "t.yaml"), values).region("r1").orElseThrow();
        // y's min-max now over (5, 10): r2 = 1, r3 = 0; r1's dimension a is x alone = 0
        assertEquals(0, r1.levelScores().get("a"), EPS);
        assertEquals(Set.of(), r1.imputedIndicators());
    }

    @Test
    void meanImputationIsRecorded() {
        Framework framework = FrameworkLoader.parse(TWO_LEVELS + "missing-data: {imputation: mean}\n", "t.yaml");
        ValueTable values = new ValueTable(THREE_REGIONS);
        values.remove("r1", "y");
        RegionResult r1 = FrameworkEvaluator.evaluate(framework, values).region("r1").orElseThrow();
        assertEquals(Set.of("y"), r1.imputedIndicators());
        // y imputed 7.5 -> column (7.5, 5, 10) reversed: r1 = (10-7.5)/5 = .5; a = (0 + .5)/2
        assertEquals(0.25, r1.levelScores().get("a"), EPS);
    }

    @Test
    void groupMeanAndLastPeriodImputation() {
        String regions = """
                regions:
                  - {code: r1, group: north}
                  - {code: r2, group: north}
                  - {code: r3, group: south}
                  - {code: r4, group: south}
                """;
        ValueTable values = new ValueTable(THREE_REGIONS);
        values.put("r4", "x", 2);
        values.put("r4", "z", 2);
        values.remove("r3", "y");
        values.put("r4", "y", 6);
        Framework groupMean = FrameworkLoader.parse(TWO_LEVELS + regions + "missing-data: {imputation: group-mean}\n", "t.yaml");
        Evaluation byGroup = FrameworkEvaluator.evaluate(groupMean, values);
        assertEquals(Set.of("y"), byGroup.region("r3").orElseThrow().imputedIndicators());
        // r3's y = mean of the south group = 6 -> column (0, 5, 6, 6) reversed: r3 = (6-6)/6 = 0
        assertEquals(0.0, byGroup.region("r3").orElseThrow().indicatorScores().get("y"), EPS);

        Framework lastPeriod = FrameworkLoader.parse(TWO_LEVELS + "missing-data: {imputation: last-period}\n", "t.yaml");
        ValueTable previous = table("r3", "y", 1);
        Evaluation fromPrevious = FrameworkEvaluator.evaluate(lastPeriod, values, EvaluationOptions.NONE.withPreviousPeriod(previous));
        // column (0, 5, 1, 6) reversed: r3 = (6-1)/6
        assertEquals(5.0 / 6, fromPrevious.region("r3").orElseThrow().indicatorScores().get("y"), EPS);
    }

    @Test
    void sparseIndicatorsAreLeftOutWithAWarning() {
        Framework framework = FrameworkLoader.parse(TWO_LEVELS + "missing-data: {min-indicator-coverage: 0.5}\n", "t.yaml");
        ValueTable values = new ValueTable(THREE_REGIONS);
        values.remove("r1", "y");
        values.remove("r2", "y");
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, values);
        assertEquals(0.0, evaluation.weights().get("y"));
        assertEquals(1.0, evaluation.weights().get("x"));
        assertTrue(evaluation.warnings().get(0).contains("indicator y left out"), evaluation.warnings().toString());
    }

    @Test
    void denominationDividesBeforeNormalising() {
        String yaml = """
                id: per-capita
                dimensions:
                  - code: d
                    indicators:
                      - {code: patents, denominator: {indicator: population, scale: 10000}}
                """;
        ValueTable values = table("a", "patents", 100, "a", "population", 1e6, "b", "patents", 300, "b", "population", 1e6,
                "c", "patents", 200, "c", "population", 4e5);
        Evaluation evaluation = FrameworkEvaluator.evaluate(FrameworkLoader.parse(yaml, "p.yaml"), values);
        // per 10k: a = 1, b = 3, c = 5
        assertEquals(0.0, evaluation.region("a").orElseThrow().score(), EPS);
        assertEquals(0.5, evaluation.region("b").orElseThrow().score(), EPS);
        assertEquals(1.0, evaluation.region("c").orElseThrow().score(), EPS);
    }

    @Test
    void rankChangeAgainstThePreviousEvaluation() {
        Framework framework = FrameworkLoader.parse(TWO_LEVELS, "t.yaml");
        Evaluation before = FrameworkEvaluator.evaluate(framework, THREE_REGIONS);
        ValueTable after = new ValueTable(THREE_REGIONS);
        after.put("r1", "z", 100);
        after.put("r1", "x", 10);
        Evaluation now = FrameworkEvaluator.evaluate(framework, after, EvaluationOptions.NONE.withPrevious(before));
        RegionResult r1 = now.region("r1").orElseThrow();
        assertEquals(3, r1.previousRank());
        assertEquals(1, r1.rank());
        assertEquals(2, r1.rankChange());
    }

    @Test
    void tiesAreBrokenByRegionCode() {
        ValueTable values = table("b", "x", 1, "b", "y", 1, "b", "z", 1, "a", "x", 1, "a", "y", 1, "a", "z", 1);
        Evaluation evaluation = FrameworkEvaluator.evaluate(FrameworkLoader.parse(TWO_LEVELS, "t.yaml"), values);
        assertEquals(1, evaluation.region("a").orElseThrow().rank());
        assertEquals(2, evaluation.region("b").orElseThrow().rank());
    }

    @Test
    void entropyAndCriticWeightingEndToEnd() {
        String yaml = """
                id: data-driven
                weighting: {method: entropy, entropy-shift: 0}
                dimensions:
                  - code: d
                    indicators:
                      - {code: p}
                      - {code: q}
                """;
        ValueTable values = table("r1", "p", 0, "r1", "q", 0, "r2", "p", 1, "r2", "q", 0, "r3", "p", 2, "r3", "q", 4);
        Evaluation entropy = FrameworkEvaluator.evaluate(FrameworkLoader.parse(yaml, "e.yaml"), values);
        // normalised p = (0, .5, 1): p = (0, 1/3, 2/3); q = (0, 0, 1): p = (0, 0, 1) -> e_q = 0, e_p = -(1/3 ln 1/3 + 2/3 ln 2/3)/ln 3
        double ep = -(1.0 / 3 * Math.log(1.0 / 3) + 2.0 / 3 * Math.log(2.0 / 3)) / Math.log(3);
        assertEquals((1 - ep) / (2 - ep), entropy.weights().get("p"), EPS);
        Evaluation critic = FrameworkEvaluator.evaluate(FrameworkLoader.parse(yaml.replace("entropy, entropy-shift: 0", "critic"), "c.yaml"), values);
        assertEquals(1, critic.weights().get("p") + critic.weights().get("q"), EPS);
    }

    @Test
    void jjjExampleStillEvaluates() {
        Evaluation evaluation = FrameworkEvaluator.evaluate(Shipped.framework("jjj-talent-development"),
                Shipped.samples("jjj-talent-development").get("2022"));
        assertEquals(3, evaluation.ranking().size());
        assertEquals(100, evaluation.ranking().get(0).score(), EPS);
        assertEquals(0, evaluation.ranking().get(2).score(), EPS);
    }
}

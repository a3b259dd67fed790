package org.talentindex.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talentindex.framework.Framework;
import org.talentindex.framework.Indicator;

/** After every single-cell change, the incremental result equals a full evaluation of the same values to 1e-9. */
class IncrementalEvaluationTest {

    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"talent-stickiness", "digital-infrastructure", "asem-connectivity", "jjj-talent-development",
            "international-talent-service", "ai-unemployment-early-warning", "talent-shortage", "human-capital-industry-coupling"})
    void matchesAFullEvaluationAfterEveryChange(String id) {
        Framework framework = Shipped.framework(id);
        ValueTable values = Shipped.samples(id).values().iterator().next();
        IncrementalEvaluation incremental = IncrementalEvaluation.start(framework, values);
        List<String> regions = new ArrayList<>(values.regions());
        List<String> columns = new ArrayList<>(values.indicators());
        Random random = new Random(id.hashCode());
        for (int step = 0; step < 60; step++) {
            String region = regions.get(random.nextInt(regions.size()));
            String column = columns.get(random.nextInt(columns.size()));
            double current = incremental.get(region, column).orElse(1);
            switch (step % 6) {
                case 0 -> incremental.remove(region, column);
                case 1 -> incremental.put(region, column, current * 10 + 1);
                case 2 -> incremental.put(region, column, current * 0.01);
                default -> incremental.put(region, column, current * (0.9 + 0.2 * random.nextDouble()));
            }
            assertSame(FrameworkEvaluator.evaluate(framework, incremental.values()), incremental.evaluation(), id + " step " + step);
        }
    }

    @org.junit.jupiter.api.Test
    void aBatchIsAppliedAndPublishedOnce() {
        Framework framework = Shipped.framework("digital-infrastructure");
        ValueTable values = Shipped.samples("digital-infrastructure").get("2021");
        IncrementalEvaluation incremental = IncrementalEvaluation.start(framework, values);
        List<IncrementalEvaluation.CellChange> batch = List.of(
                new IncrementalEvaluation.CellChange("city-001", "internet_users_per_100", 99.0),
                new IncrementalEvaluation.CellChange("city-002", "mobile_users_per_100", null),
                new IncrementalEvaluation.CellChange("city-003", "ict_employment_share", 0.01),
                new IncrementalEvaluation.CellChange("city-999", "ict_employment_share", 2.0));
        Evaluation result = incremental.apply(batch);
        assertSame(FrameworkEvaluator.evaluate(framework, incremental.values()), result, "batch");
        assertEquals(31, result.regions().size());
    }

    static void assertSame(Evaluation expected, Evaluation actual, String context) {
        assertEquals(expected.regions().size(), actual.regions().size(), context);
        for (int r = 0; r < expected.regions().size(); r++) {
            RegionResult e = expected.regions().get(r);
            RegionResult a = actual.regions().get(r);
            assertEquals(e.region(), a.region(), context);
            assertEquals(e.status(), a.status(), context + " " + e.region());
            assertEquals(e.rank(), a.rank(), context + " " + e.region());
            assertEquals(e.score(), a.score(), TOLERANCE, context + " " + e.region());
            assertEquals(e.imputedIndicators(), a.imputedIndicators(), context + " " + e.region());
            assertClose(e.levelScores(), a.levelScores(), context + " " + e.region());
            assertClose(e.indicatorScores(), a.indicatorScores(), context + " " + e.region());
        }
        assertClose(expected.weights(), actual.weights(), context + " weights");
        assertEquals(expected.warnings(), actual.warnings(), context);
    }

    private static void assertClose(Map<String, Double> expected, Map<String, Double> actual, String context) {
        assertEquals(expected.keySet(), actual.keySet(), context);
        expected.forEach((key, value) -> assertEquals(value, actual.get(key), TOLERANCE, context + " " + key));
    }

    static List<String> codes(Framework framework) {
        return framework.indicators().stream().map(Indicator::code).toList();
    }
}

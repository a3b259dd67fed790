package org.talentindex.scoring.engine.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.Shipped;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;

class CouplingCoordinationTest {

    private static final double EPS = 1e-12;

    private static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void twoSubsystemsByHand() {
        CouplingResult result = CouplingCoordination.of("r", ordered("hc", 0.4, "ind", 0.9), Map.of("hc", 0.5, "ind", 0.5));
        // C = 2 sqrt(0.36) / 1.3, T = 0.65, D = sqrt(C T) = sqrt(0.6)
        assertEquals(1.2 / 1.3, result.coupling(), EPS);
        assertEquals(0.65, result.comprehensive(), EPS);
        assertEquals(Math.sqrt(0.6), result.coordination(), EPS);
        assertEquals(CoordinationGrade.INTERMEDIATE_COORDINATION, result.grade());
        assertEquals("hc", result.laggingSubsystem());
    }

    @Test
    void threeSubsystemsWithUnequalWeights() {
        CouplingResult result = CouplingCoordination.of("r", ordered("a", 0.2, "b", 0.4, "c", 0.8), Map.of("a", 0.2, "b", 0.3, "c", 0.5));
        assertEquals(3 * 0.4 / 1.4, result.coupling(), EPS);
        assertEquals(0.04 + 0.12 + 0.4, result.comprehensive(), EPS);
        assertEquals(Math.sqrt(3 * 0.4 / 1.4 * 0.56), result.coordination(), EPS);
        assertEquals("a", result.laggingSubsystem());
    }

    @Test
    void aZeroSubsystemMeansNoCoupling() {
        CouplingResult result = CouplingCoordination.of("r", ordered("a", 0.0, "b", 0.7), Map.of("a", 0.5, "b", 0.5));
        assertEquals(0, result.coupling(), EPS);
        assertEquals(0, result.coordination(), EPS);
        assertEquals(CoordinationGrade.EXTREME_IMBALANCE, result.grade());
    }

    @Test
    void tenGradeScale() {
        assertEquals(CoordinationGrade.EXTREME_IMBALANCE, CoordinationGrade.of(0.05));
        assertEquals(CoordinationGrade.SEVERE_IMBALANCE, CoordinationGrade.of(0.1));
        assertEquals(CoordinationGrade.VERGE_OF_IMBALANCE, CoordinationGrade.of(0.45));
        assertEquals(CoordinationGrade.BARELY_COORDINATED, CoordinationGrade.of(0.5));
        assertEquals(CoordinationGrade.GOOD_COORDINATION, CoordinationGrade.of(0.89));
        assertEquals(CoordinationGrade.HIGH_QUALITY_COORDINATION, CoordinationGrade.of(1.0));
        assertEquals(10, CoordinationGrade.HIGH_QUALITY_COORDINATION.level());
        assertEquals("优质协调", CoordinationGrade.HIGH_QUALITY_COORDINATION.names().zh());
    }

    @Test
    void shippedFrameworkScoresEveryRegion() {
        Framework framework = Shipped.framework("human-capital-industry-coupling");
        ValueTable values = Shipped.samples("human-capital-industry-coupling").get("2022");
        List<CouplingResult> results = CouplingCoordination.evaluate(framework, values);
        assertEquals(10, results.size());
        for (CouplingResult result : results) {
            assertTrue(result.coordination() >= 0 && result.coordination() <= 1);
            assertEquals(CoordinationGrade.of(result.coordination()), result.grade());
            double min = result.subsystems().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            assertEquals(min, result.subsystems().get(result.laggingSubsystem()), EPS);
        }
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, values);
        CouplingResult best = results.stream().max(Comparator.comparingDouble(CouplingResult::coordination)).orElseThrow();
        assertEquals(best.region(), evaluation.ranking().get(0).region());
        assertEquals(best.coordination(), evaluation.ranking().get(0).score(), EPS);
    }
}

package org.talentindex.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkCatalogue;
import org.talentindex.framework.FrameworkLoader;

/**
 * Growth and CAGR over five years and last-period imputation from the earlier periods' values. The figures are the talent
 * totals of the Beijing Talent Report 2024, B.1 (shared seed table jjj_talent_total_2015_2020.csv): JJJ 1298.3 in 2015 and
 * 2457.3 in 2020, growth 89.27 % and CAGR 13.61 % as printed (CHECKS D.3 and D.4).
 */
class EarlierPeriodsTest {

    /** Read through the catalogue, which knows JJJ's members. */
    private static final Framework GROWTH = FrameworkCatalogue.load(Shipped.FRAMEWORKS).framework("jjj-talent-growth").orElseThrow();

    @Test
    void theTalentGrowthMonitorReadsTheTableFiveYearsEarlier() {
        assertEquals(Set.of(5), EarlierPeriods.needed(GROWTH));
        Map<String, ValueTable> sample = Shipped.samples("jjj-talent-growth");
        Evaluation evaluation = FrameworkEvaluator.evaluate(GROWTH, sample.get("2020"),
                EvaluationOptions.NONE.withEarlierPeriods(Map.of(5, sample.get("2015"))));

        RegionResult jjj = evaluation.region("JJJ").orElseThrow();
        assertEquals(89.27, Math.round(jjj.levelScores().get("growth") * 100) / 100.0, "CHECKS D.3");
        assertEquals(13.61, Math.round(jjj.levelScores().get("annual_growth") * 100) / 100.0, "CHECKS D.4");
        assertEquals(100 * (2457.3 / 1298.3 - 1), jjj.levelScores().get("growth"), 1e-9);
        assertEquals(100 * (Math.pow(2457.3 / 1298.3, 0.2) - 1), jjj.levelScores().get("annual_growth"), 1e-9);
        assertEquals(100 * (781.3 / 489.6 - 1), evaluation.region("110000").orElseThrow().levelScores().get("growth"), 1e-9);
    }

    @Test
    void withoutThePeriodFiveYearsEarlierNoRegionHasEnoughData() {
        Evaluation evaluation = FrameworkEvaluator.evaluate(GROWTH, Shipped.samples("jjj-talent-growth").get("2020"));
        assertTrue(evaluation.ranking().isEmpty());
    }

    @Test
    void lastPeriodImputationReadsThePeriodJustBefore() {
        Framework framework = FrameworkLoader.parse("""
                id: t
                missing-data: {min-region-coverage: 0.5, imputation: last-period}
                dimensions:
                  - code: d
                    indicators:
                      - {code: x, unit: "1"}
                      - {code: y, unit: "1"}
                """, "t.yaml");
        assertEquals(Set.of(1), EarlierPeriods.needed(framework));
        ValueTable values = new ValueTable();
        values.put("a", "x", 1);
        values.put("a", "y", 1);
        values.put("b", "x", 3);
        values.put("b", "y", 3);
        values.put("c", "x", 2);
        ValueTable previous = new ValueTable();
        previous.put("c", "y", 2.5);
        RegionResult c = FrameworkEvaluator.evaluate(framework, values, EvaluationOptions.NONE.withEarlierPeriods(Map.of(1, previous)))
                .region("c").orElseThrow();
        assertEquals(Set.of("y"), c.imputedIndicators());
        // min-max of y over (1, 3, 2.5): 0.75
        assertEquals(0.75, c.indicatorScores().get("y"), 1e-12);
    }
}

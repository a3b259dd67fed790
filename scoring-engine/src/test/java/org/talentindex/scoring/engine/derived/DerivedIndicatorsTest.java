package org.talentindex.scoring.engine.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.DerivedFormula;
import org.talentindex.framework.DerivedIndicator;

/** Derived indicators against the JJJ talent table (Beijing Talent Report 2024, B.1 table 1) and CHECKS.md D.1-D.4. */
class DerivedIndicatorsTest {

    private static ValueTable year(double[] employed, double[] talent) {
        ValueTable table = new ValueTable();
        String[] regions = {"110000", "120000", "130000"};
        for (int r = 0; r < 3; r++) {
            table.put(regions[r], "resident_employed_population", employed[r]);
            table.put(regions[r], "talent_total", talent[r]);
        }
        AggregateRegions.sum(table, "jjj", List.of(regions), List.of("resident_employed_population", "talent_total"), new ArrayList<>());
        return table;
    }

    private final ValueTable y2015 = year(new double[] {1164, 718, 3927}, new double[] {489.6, 221.6, 587.1});
    private final ValueTable y2020 = year(new double[] {1164, 647, 3671}, new double[] {781.3, 345, 1331});

    @Test
    void regionSumsReproduceThePrintedJjjTotals() {
        assertEquals(5809, y2015.get("jjj", "resident_employed_population").orElseThrow(), 1e-9);
        assertEquals(1298.3, y2015.get("jjj", "talent_total").orElseThrow(), 1e-9);
        assertEquals(2457.3, y2020.get("jjj", "talent_total").orElseThrow(), 1e-9);
    }

    @Test
    void densityGrowthAndCagr() {
        List<DerivedIndicator> definitions = List.of(
                new DerivedIndicator("talent_density_pct", DerivedFormula.RATIO, List.of("talent_total", "resident_employed_population"), 100, 1),
                new DerivedIndicator("talent_growth", DerivedFormula.GROWTH, List.of("talent_total"), 1, 5),
                new DerivedIndicator("talent_cagr", DerivedFormula.CAGR, List.of("talent_total"), 1, 5),
                new DerivedIndicator("talent_per_10k", DerivedFormula.RATIO, List.of("talent_total", "resident_employed_population"), 10000, 1));
        ValueTable derived2015 = DerivedIndicators.apply(definitions.subList(0, 1), y2015, k -> null);
        ValueTable derived2020 = DerivedIndicators.apply(definitions, y2020, k -> k == 5 ? y2015 : null);
        assertEquals(22.35, Math.round(derived2015.get("jjj", "talent_density_pct").orElseThrow() * 100) / 100.0, 1e-9);
        assertEquals(44.82, Math.round(derived2020.get("jjj", "talent_density_pct").orElseThrow() * 100) / 100.0, 1e-9);
        assertEquals(0.8927, Math.round(derived2020.get("jjj", "talent_growth").orElseThrow() * 10000) / 10000.0, 1e-9);
        assertEquals(0.1361, Math.round(derived2020.get("jjj", "talent_cagr").orElseThrow() * 10000) / 10000.0, 1e-9);
        assertEquals(4482.5, Math.round(derived2020.get("jjj", "talent_per_10k").orElseThrow() * 10) / 10.0, 1e-9);
    }

    @Test
    void shareOfTotalDifferenceSumAndChains() {
        List<DerivedIndicator> definitions = List.of(
                new DerivedIndicator("non_talent", DerivedFormula.DIFFERENCE, List.of("resident_employed_population", "talent_total"), 1, 1),
                new DerivedIndicator("check_total", DerivedFormula.SUM, List.of("non_talent", "talent_total"), 1, 1),
                new DerivedIndicator("talent_share", DerivedFormula.SHARE_OF_TOTAL, List.of("talent_total"), 1, 1));
        ValueTable table = new ValueTable(y2015);
        table.remove("jjj", "talent_total");
        table.remove("jjj", "resident_employed_population");
        ValueTable derived = DerivedIndicators.apply(definitions, table, k -> null);
        assertEquals(1164, derived.get("110000", "check_total").orElseThrow(), 1e-9);
        assertEquals(489.6 / 1298.3, derived.get("110000", "talent_share").orElseThrow(), 1e-12);
        assertTrue(derived.get("jjj", "non_talent").isEmpty());
    }
}

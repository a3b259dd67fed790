package org.talentindex.scoring.engine.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkLoader;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.IncrementalEvaluation;
import org.talentindex.scoring.engine.IncrementalEvaluation.CellChange;
import org.talentindex.scoring.engine.ValueTable;

/** The JJJ talent total of 2020 (Beijing Talent Report 2024, B.1 table 1; CHECKS.md D.1: 781.3 + 345 + 1331 = 2457.3). */
class AggregateRegionsTest {

    private static final List<String> MEMBERS = List.of("110000", "120000", "130000");
    private static final Framework JJJ_TOTAL = FrameworkLoader.parse("""
            id: jjj-talent-total
            regions:
              - {code: "110000", names: {zh: 北京, en: Beijing}}
              - {code: "120000", names: {zh: 天津, en: Tianjin}}
              - {code: "130000", names: {zh: 河北, en: Hebei}}
              - {code: JJJ, names: {zh: 京津冀, en: Beijing-Tianjin-Hebei}}
            dimensions:
              - code: talent
                indicators:
                  - {code: talent_total, unit: 万人, measure: count, range: {min: 0}}
                  - {code: talent_density, unit: "%", measure: ratio, range: {min: 0, max: 100}}
            """, "jjj.yaml");
    private static final Framework WITH_MEMBERS = JJJ_TOTAL.withRegions(JJJ_TOTAL.regions().stream()
            .map(region -> region.code().equals("JJJ") ? region.withMembers(MEMBERS) : region).toList());

    private static ValueTable members2020() {
        ValueTable values = new ValueTable();
        double[] talent = {781.3, 345, 1331};
        double[] density = {67.1, 53.3, 36.3};
        for (int i = 0; i < MEMBERS.size(); i++) {
            values.put(MEMBERS.get(i), "talent_total", talent[i]);
            values.put(MEMBERS.get(i), "talent_density", density[i]);
        }
        return values;
    }

    @Test
    void anAggregateWithoutFiguresOfItsOwnIsTheSumOfItsMembersForCountsOnly() {
        List<String> warnings = new ArrayList<>();
        ValueTable summed = AggregateRegions.withSums(WITH_MEMBERS, members2020(), warnings);

        assertEquals(2457.3, summed.get("JJJ", "talent_total").orElseThrow(), 1e-9);
        assertTrue(summed.get("JJJ", "talent_density").isEmpty(), "a ratio does not add up");
        assertEquals(List.of(), warnings);
    }

    @Test
    void aSentAggregateIsKeptAndAWarningSaysWhenItDiffersFromItsMembersSum() {
        ValueTable values = members2020();
        values.put("JJJ", "talent_total", 2457.3);
        List<String> agreeing = new ArrayList<>();
        AggregateRegions.withSums(WITH_MEMBERS, values, agreeing);
        values.put("JJJ", "talent_total", 2500);
        List<String> differing = new ArrayList<>();
        ValueTable kept = AggregateRegions.withSums(WITH_MEMBERS, values, differing);

        assertEquals(List.of(), agreeing);
        assertEquals(2500, kept.get("JJJ", "talent_total").orElseThrow(), 1e-9);
        assertEquals(List.of("JJJ talent_total: 2500.0 sent, its members [110000, 120000, 130000] sum to 2457.3"), differing);
    }

    @Test
    void aChangedMemberMovesTheAggregateAsAFullEvaluationDoes() {
        ValueTable values = members2020();
        values.put("JJJ", "talent_density", 50.0);
        IncrementalEvaluation incremental = IncrementalEvaluation.start(WITH_MEMBERS, values);
        Evaluation afterChange = incremental.apply(List.of(new CellChange("120000", "talent_total", 400.0)));

        values.put("120000", "talent_total", 400.0);
        Evaluation full = FrameworkEvaluator.evaluate(WITH_MEMBERS, values);
        assertEquals(full.regions(), afterChange.regions());
        assertEquals(full.region("JJJ").orElseThrow().score(), afterChange.region("JJJ").orElseThrow().score(), 1e-12);
        assertTrue(full.region("JJJ").isPresent());
    }
}

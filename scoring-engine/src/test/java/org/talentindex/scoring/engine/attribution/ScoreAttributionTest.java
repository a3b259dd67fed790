package org.talentindex.scoring.engine.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.Shipped;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkLoader;

class ScoreAttributionTest {

    private static final Framework STICKINESS = Shipped.framework("talent-stickiness");
    private static final ValueTable BEFORE = Shipped.samples("talent-stickiness").get("2024");

    /** The 2024 sample with Beijing's patents changed and, unless {@code patentsOnly}, Paris's income too. */
    private static ValueTable changed(boolean patentsOnly) {
        ValueTable after = new ValueTable(BEFORE);
        after.put("110000", "patents_published", 500000);
        if (!patentsOnly) {
            after.put("CITY-FR-PARIS", "monthly_income", 10);
        }
        return after;
    }

    @Test
    void contributionsSumToTheChangeForEveryRegion() {
        ValueTable after = changed(false);
        after.put("CITY-US-NEW-YORK", "housing_burden", 99);
        Map<String, RegionAttribution> attributions = ScoreAttribution.between(STICKINESS, BEFORE, after);
        assertEquals(120, attributions.size());
        for (RegionAttribution attribution : attributions.values()) {
            double sum = attribution.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(attribution.change(), sum, 1e-9, attribution.region());
        }
        assertEquals(3, attributions.get("110000").contributions().size());
    }

    @Test
    void givenBothEvaluationsAndTheCandidateColumnsTheAttributionIsTheSame() {
        ValueTable after = changed(false);
        Map<String, RegionAttribution> computed = ScoreAttribution.between(STICKINESS, BEFORE, after);
        Map<String, RegionAttribution> given = ScoreAttribution.between(STICKINESS, BEFORE, FrameworkEvaluator.evaluate(STICKINESS, BEFORE),
                after, FrameworkEvaluator.evaluate(STICKINESS, after), List.of("monthly_income", "patents_published", "housing_burden"));
        assertEquals(computed.keySet(), given.keySet());
        for (RegionAttribution attribution : computed.values()) {
            RegionAttribution other = given.get(attribution.region());
            assertEquals(attribution.change(), other.change(), 1e-12);
            assertEquals(attribution.contributions().keySet(), other.contributions().keySet(), "unchanged columns are left out");
            attribution.contributions().forEach((column, points) ->
                    assertEquals(points, other.contributions().get(column), 1e-9, attribution.region() + " " + column));
        }
    }

    @Test
    void aSingleChangedColumnContributesTheWholeChange() {
        ValueTable after = changed(true);
        Map<String, RegionAttribution> attributions = ScoreAttribution.between(STICKINESS, BEFORE,
                FrameworkEvaluator.evaluate(STICKINESS, BEFORE), after, FrameworkEvaluator.evaluate(STICKINESS, after), List.of("patents_published"));
        for (RegionAttribution attribution : attributions.values()) {
            if (Double.isFinite(attribution.change())) {
                assertEquals(Map.of("patents_published", attribution.change()), attribution.contributions(), attribution.region());
            }
        }
    }

    @Test
    void withLinearScoringEachIndicatorGetsItsWeightedChange() {
        Framework framework = FrameworkLoader.parse("""
                id: linear
                normalisation: {method: none}
                weighting: {method: fixed}
                dimensions:
                  - code: d
                    weight: 1
                    indicators:
                      - {code: a, weight: 0.25}
                      - {code: b, weight: 0.75}
                """, "l.yaml");
        ValueTable before = new ValueTable();
        before.put("r", "a", 1);
        before.put("r", "b", 1);
        ValueTable after = new ValueTable(before);
        after.put("r", "a", 5);
        after.put("r", "b", 3);
        RegionAttribution attribution = ScoreAttribution.between(framework, before, after).get("r");
        assertEquals(1.0, attribution.contributions().get("a"), 1e-12);
        assertEquals(1.5, attribution.contributions().get("b"), 1e-12);
        assertEquals(2.5, attribution.change(), 1e-12);
    }
}

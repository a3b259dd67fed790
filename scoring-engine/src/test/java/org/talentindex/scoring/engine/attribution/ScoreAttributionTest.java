package org.talentindex.scoring.engine.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.talentindex.scoring.engine.Shipped;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.scoring.engine.framework.Framework;
import org.talentindex.scoring.engine.framework.FrameworkLoader;

class ScoreAttributionTest {

    @Test
    void contributionsSumToTheChangeForEveryRegion() {
        Framework framework = Shipped.framework("talent-stickiness");
        ValueTable before = Shipped.samples("talent-stickiness").get("2024");
        ValueTable after = new ValueTable(before);
        after.put("beijing", "patents_published", 500000);
        after.put("paris", "monthly_income", 10);
        after.put("new-york", "housing_burden", 99);
        Map<String, RegionAttribution> attributions = ScoreAttribution.between(framework, before, after);
        assertEquals(120, attributions.size());
        for (RegionAttribution attribution : attributions.values()) {
            double sum = attribution.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(attribution.change(), sum, 1e-9, attribution.region());
        }
        assertEquals(3, attributions.get("beijing").contributions().size());
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

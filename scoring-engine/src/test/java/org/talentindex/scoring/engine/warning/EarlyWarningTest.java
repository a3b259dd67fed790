package org.talentindex.scoring.engine.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.talentindex.scoring.engine.Shipped;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;
import org.talentindex.framework.LocalizedName;
import org.talentindex.framework.RiskLevel;

class EarlyWarningTest {

    private static final List<RiskLevel> LEVELS = List.of(new RiskLevel("low", new LocalizedName("低", "Low"), 0),
            new RiskLevel("moderate", new LocalizedName("中", "Moderate"), 30), new RiskLevel("high", new LocalizedName("高", "High"), 50));

    @Test
    void thresholdsAreInclusiveFromBelow() {
        assertEquals("low", EarlyWarning.level(LEVELS, 29.999).code());
        assertEquals("moderate", EarlyWarning.level(LEVELS, 30).code());
        assertEquals("high", EarlyWarning.level(LEVELS, 99).code());
        assertEquals("low", EarlyWarning.level(LEVELS, -5).code());
    }

    @Test
    void heatMapOfTheShippedFrameworkByHand() {
        Framework framework = Shipped.framework("ai-unemployment-early-warning");
        ValueTable values = Shipped.samples("ai-unemployment-early-warning").get("2024");
        HeatMap heatMap = EarlyWarning.heatMap(framework, values);
        assertEquals(5, heatMap.regions().size());
        assertEquals(5, heatMap.sectors().size());
        assertEquals(25, heatMap.cells().size());
        HeatMapCell cell = heatMap.cell("110000", "data_entry").orElseThrow();
        double expected = (values.get("110000", "data_entry_job_loss_rate").getAsDouble() / 20
                + values.get("110000", "data_entry_substitution_ratio").getAsDouble() / 60
                + values.get("110000", "data_entry_skill_demand_change").getAsDouble() / 100) / 3 * 100;
        assertEquals(expected, cell.score(), 1e-9);
        assertEquals(EarlyWarning.level(framework.riskLevels(), expected), cell.level());
        double dataEntry = heatMap.cells().stream().filter(c -> c.sector().equals("data_entry")).mapToDouble(HeatMapCell::score).average().orElseThrow();
        double software = heatMap.cells().stream().filter(c -> c.sector().equals("software")).mapToDouble(HeatMapCell::score).average().orElseThrow();
        assertTrue(dataEntry > software);
        heatMap.cells().forEach(c -> assertNotNull(c.level()));
        RegionRisk beijing = heatMap.overall().get(0);
        assertEquals("110000", beijing.region());
        double mean = heatMap.cells().stream().filter(c -> c.region().equals("110000")).mapToDouble(HeatMapCell::score).average().orElseThrow();
        assertEquals(mean, beijing.score(), 1e-9);
    }

    @Test
    void aCellWithoutDataHasNoLevel() {
        Framework framework = Shipped.framework("ai-unemployment-early-warning");
        ValueTable values = new ValueTable(Shipped.samples("ai-unemployment-early-warning").get("2024"));
        for (String indicator : List.of("job_loss_rate", "substitution_ratio", "skill_demand_change")) {
            values.remove("620000", "translation_" + indicator);
        }
        HeatMapCell cell = EarlyWarning.heatMap(framework, values).cell("620000", "translation").orElseThrow();
        assertTrue(Double.isNaN(cell.score()));
        assertNull(cell.level());
    }
}

package org.talentindex.scoring.engine.warning;

import java.util.ArrayList;
import java.util.List;

import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.EvaluationOptions;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.scoring.engine.framework.Framework;
import org.talentindex.scoring.engine.framework.Region;
import org.talentindex.scoring.engine.framework.RiskLevel;
import org.talentindex.scoring.engine.framework.Sector;

/**
 * Early warning (M9): the framework's composite is a risk score (higher = riskier) per region x sector cell, whose rows in the values
 * table are {@code region/sector}; the score falls in the highest risk level whose threshold it reaches.
 */
public final class EarlyWarning {

    private EarlyWarning() {
    }

    public static RiskLevel level(List<RiskLevel> levels, double score) {
        RiskLevel level = levels.get(0);
        for (RiskLevel candidate : levels) {
            if (score >= candidate.from()) {
                level = candidate;
            }
        }
        return level;
    }

    public static HeatMap heatMap(Framework framework, ValueTable values) {
        return heatMap(framework, values, EvaluationOptions.NONE);
    }

    public static HeatMap heatMap(Framework framework, ValueTable values, EvaluationOptions options) {
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, values, options);
        List<String> regions = framework.regions().stream().map(Region::code).toList();
        List<String> sectors = framework.sectors().stream().map(Sector::code).toList();
        List<HeatMapCell> cells = new ArrayList<>();
        for (String region : regions) {
            for (String sector : sectors) {
                RegionResult result = evaluation.region(region + Framework.UNIT_SEPARATOR + sector).orElse(null);
                boolean scored = result != null && result.ranked();
                cells.add(new HeatMapCell(region, sector, scored ? result.score() : Double.NaN,
                        scored ? level(framework.riskLevels(), result.score()) : null));
            }
        }
        return new HeatMap(framework.id(), regions, sectors, cells);
    }
}

package org.talentindex.scoring.engine.warning;

import java.util.ArrayList;
import java.util.List;

import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.EvaluationOptions;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;
import org.talentindex.framework.RiskLevel;
import org.talentindex.framework.Sector;

/**
 * Early warning (M9): scores are risks (higher = riskier). Each sector is a top-level dimension of the framework holding that sector's
 * indicators, so a heat-map cell is the region's score of the sector dimension and the composite is the region's overall risk; a score
 * falls in the highest risk level whose threshold it reaches.
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
        List<String> sectors = framework.sectors().stream().map(Sector::code).toList();
        List<String> regions = new ArrayList<>();
        List<HeatMapCell> cells = new ArrayList<>();
        List<RegionRisk> overall = new ArrayList<>();
        for (RegionResult result : evaluation.regions()) {
            regions.add(result.region());
            for (String sector : sectors) {
                Double score = result.levelScores().get(sector);
                cells.add(new HeatMapCell(result.region(), sector, score == null ? Double.NaN : score,
                        score == null ? null : level(framework.riskLevels(), score)));
            }
            overall.add(new RegionRisk(result.region(), result.score(), result.ranked() ? level(framework.riskLevels(), result.score()) : null));
        }
        return new HeatMap(framework.id(), regions, sectors, cells, overall);
    }
}

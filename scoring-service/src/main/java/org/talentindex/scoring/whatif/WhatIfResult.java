package org.talentindex.scoring.whatif;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.RegionResult;

/** An evaluation as JSON: scores that are not numbers (not ranked, no data) are null. */
public record WhatIfResult(String frameworkId, List<RegionOutcome> regions, Map<String, Double> weights, List<String> warnings) {

    /** {@code previousPeriodRank}: the rank in the previous stored period (null without a period or a rank there). */
    public record RegionOutcome(String region, String status, Double score, int rank, Map<String, Double> levels,
                                Map<String, Double> indicators, Set<String> imputed, Integer previousPeriodRank,
                                Integer rankChangeVsPreviousPeriod) {
    }

    static WhatIfResult of(Evaluation evaluation) {
        return new WhatIfResult(evaluation.frameworkId(), evaluation.regions().stream().map(WhatIfResult::outcome).toList(),
                finite(evaluation.weights()), evaluation.warnings());
    }

    private static RegionOutcome outcome(RegionResult result) {
        boolean compared = result.previousRank() > 0 && result.rank() > 0;
        return new RegionOutcome(result.region(), result.status().name(), finite(result.score()), result.rank(),
                finite(result.levelScores()), finite(result.indicatorScores()), result.imputedIndicators(),
                result.previousRank() > 0 ? result.previousRank() : null, compared ? result.rankChange() : null);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Map<String, Double> finite(Map<String, Double> values) {
        Map<String, Double> finite = new TreeMap<>();
        values.forEach((key, value) -> finite.put(key, value == null ? null : finite(value)));
        return finite;
    }
}

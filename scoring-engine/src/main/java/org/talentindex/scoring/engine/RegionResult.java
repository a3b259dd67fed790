package org.talentindex.scoring.engine;

import java.util.Map;
import java.util.Set;

/**
 * A region's result. {@code score}: the composite, unrounded (NaN when not ranked). {@code rank}: 1..n on the score to 12 significant
 * digits, ties broken by region code; 0 when not ranked. {@code levelScores}: every dimension's score (after the final rescale when it applies to all
 * levels). {@code indicatorScores}: normalised indicator values. {@code imputedIndicators}: the cells that were filled in.
 * {@code previousRank}: the rank in the previous evaluation supplied in {@link EvaluationOptions}, 0 when unknown.
 */
public record RegionResult(String region, RegionStatus status, double score, int rank, Map<String, Double> levelScores,
                           Set<String> imputedIndicators, Map<String, Double> indicatorScores, int previousRank) {

    /** Places gained since the previous evaluation (positive = moved up); 0 when either rank is unknown. */
    public int rankChange() {
        return previousRank == 0 || rank == 0 ? 0 : previousRank - rank;
    }

    public boolean ranked() {
        return status == RegionStatus.RANKED;
    }
}

package org.talentindex.scoring.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.scoring.engine.EarlierPeriods;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.scoring.engine.attribution.RegionAttribution;
import org.talentindex.scoring.engine.attribution.ScoreAttribution;
import org.talentindex.framework.Framework;

/**
 * Which changed indicator moved each region's score by how much in a published version. The exact attribution costs
 * two evaluations per changed indicator beyond the first, so it is computed when a batch changed few indicators of a
 * framework-period small enough (a correction, not a yearbook release of a national table).
 */
@ApplicationScoped
public class ChangeAttribution {

    static final int PRECISION = 6;
    private static final double SCALE = RoundedDecimal.POWERS_OF_TEN[PRECISION];

    @ConfigProperty(name = "talentindex.scoring.attribution.max-indicators", defaultValue = "4")
    int maxIndicators;

    @ConfigProperty(name = "talentindex.scoring.attribution.max-cells", defaultValue = "100000")
    int maxCells;

    /**
     * Contributions per region (indicator → score points, rounded to 1e-6) for the given regions; empty when not computed.
     * {@code before} is the evaluation before the batch (null when not held), {@code after} the current one.
     */
    Map<String, Map<String, Double>> of(Framework framework, FrameworkPeriodState state, Evaluation before, Evaluation after,
                                        Collection<String> regions) {
        Set<String> indicators = state.changedIndicators();
        if (indicators.isEmpty() || indicators.size() > maxIndicators || state.cells() > maxCells
                || !EarlierPeriods.needed(framework).isEmpty()) {
            return Map.of();
        }
        ValueTable valuesBefore = state.valuesBeforeBatch();
        Evaluation start = before != null ? before : FrameworkEvaluator.evaluate(framework, valuesBefore);
        Map<String, RegionAttribution> all = ScoreAttribution.between(framework, valuesBefore, start, state.values(), after, indicators);
        Map<String, Map<String, Double>> attributions = new LinkedHashMap<>();
        for (String region : regions) {
            RegionAttribution attribution = all.get(region);
            if (attribution == null || !Double.isFinite(attribution.change())) {
                continue;
            }
            Map<String, Double> contributions = new LinkedHashMap<>();
            attribution.contributions().forEach((indicator, points) -> {
                if (Double.isFinite(points)) {
                    contributions.put(indicator, Math.round(points * SCALE) / SCALE);
                }
            });
            attributions.put(region, contributions);
        }
        return attributions;
    }
}

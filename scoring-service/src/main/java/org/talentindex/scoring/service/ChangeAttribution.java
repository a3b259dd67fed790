package org.talentindex.scoring.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.scoring.engine.attribution.RegionAttribution;
import org.talentindex.scoring.engine.attribution.ScoreAttribution;
import org.talentindex.scoring.engine.framework.Framework;

/**
 * Which changed indicator moved each region's score by how much in a published version. The exact attribution costs
 * two evaluations per changed indicator, so it is computed when a batch changed few indicators of a framework-period
 * small enough (a correction, not a yearbook release of a national table).
 */
@ApplicationScoped
public class ChangeAttribution {

    static final int PRECISION = 6;
    private static final double SCALE = RoundedDecimal.POWERS_OF_TEN[PRECISION];

    @ConfigProperty(name = "talentindex.scoring.attribution.max-indicators", defaultValue = "4")
    int maxIndicators;

    @ConfigProperty(name = "talentindex.scoring.attribution.max-cells", defaultValue = "100000")
    int maxCells;

    /** Contributions per region (indicator → score points, rounded to 1e-6) for the given regions; empty when not computed. */
    Map<String, Map<String, Double>> of(Framework framework, FrameworkPeriodState state, Collection<String> regions) {
        int indicators = state.changedIndicators().size();
        if (indicators == 0 || indicators > maxIndicators || state.cells() > maxCells) {
            return Map.of();
        }
        Map<String, RegionAttribution> all = ScoreAttribution.between(framework, state.valuesBeforeBatch(), state.values());
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

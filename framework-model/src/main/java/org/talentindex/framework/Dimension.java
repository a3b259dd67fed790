package org.talentindex.framework;

import java.util.List;

/**
 * A node of the index hierarchy: it aggregates either sub-dimensions or indicators. {@code weight} is its weight among its siblings
 * (null when derived); {@code weighting} and {@code aggregation} override the framework's methods for this node's children (null = inherit).
 */
public record Dimension(String code, LocalizedName names, List<Dimension> dimensions, List<Indicator> indicators, Double weight,
                        WeightingMethod weighting, AggregationMethod aggregation) {

    public Dimension(String code, LocalizedName names, List<Dimension> dimensions, List<Indicator> indicators) {
        this(code, names, dimensions, indicators, null, null, null);
    }

    public boolean holdsIndicators() {
        return !indicators.isEmpty();
    }
}

package org.talentindex.scoring.engine;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of evaluating a framework on a values table. {@code regions}: sorted by region code. {@code weights}: every node's weight
 * relative to its siblings (indicators and dimensions; a left-out indicator has 0). {@code compositeWeights}: each indicator's share of
 * the composite (the product of relative weights down its path). {@code warnings}: data problems that did not stop the evaluation.
 */
public record Evaluation(String frameworkId, List<RegionResult> regions, Map<String, Double> weights, List<String> warnings,
                         Map<String, Double> compositeWeights) {

    /** One region's result (a linear search; use {@link #byRegion()} to look up many). */
    public Optional<RegionResult> region(String code) {
        return regions.stream().filter(r -> r.region().equals(code)).findFirst();
    }

    /** Every result by region code. */
    public Map<String, RegionResult> byRegion() {
        Map<String, RegionResult> byRegion = new LinkedHashMap<>();
        regions.forEach(r -> byRegion.put(r.region(), r));
        return byRegion;
    }

    /** Ranked regions, best first. */
    public List<RegionResult> ranking() {
        return regions.stream().filter(RegionResult::ranked).sorted(Comparator.comparingInt(RegionResult::rank)).toList();
    }
}

package org.talentindex.scoring.engine;

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

    public Optional<RegionResult> region(String code) {
        return regions.stream().filter(r -> r.region().equals(code)).findFirst();
    }

    /** Ranked regions, best first. */
    public List<RegionResult> ranking() {
        return regions.stream().filter(RegionResult::ranked).sorted(java.util.Comparator.comparingInt(RegionResult::rank)).toList();
    }
}

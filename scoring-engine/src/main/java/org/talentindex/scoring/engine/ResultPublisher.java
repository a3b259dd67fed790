package org.talentindex.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.talentindex.scoring.engine.compute.Ranking;
import org.talentindex.framework.FrameworkMethod;
import org.talentindex.framework.Imputation;
import org.talentindex.framework.Rescale;

/** Turns a scored state into an {@link Evaluation}: final rescale, ranks, result records, weights. */
final class ResultPublisher {

    private ResultPublisher() {
    }

    /**
     * Final rescale, ranks and the result records. With {@code snapshot} the records get copies of the state's matrices (needed when the
     * state lives on and changes, as in incremental evaluation); without, they share them.
     */
    static Evaluation publish(ScoringState state, boolean snapshot) {
        return publish(state, snapshot, snapshot ? copies(state.normalised) : state.normalised, new int[0]);
    }

    /**
     * As {@link #publish(ScoringState, boolean)}, with the normalised indicator columns the records read (copies kept by
     * the caller) and the rows in their previous rank order, where ranking starts from.
     */
    static Evaluation publish(ScoringState state, boolean snapshot, double[][] normalisedColumns, int[] previousOrder) {
        Hierarchy hierarchy = state.hierarchy;
        int n = state.regionCount();
        double[] composite = state.nodeScores[hierarchy.root].clone();
        boolean[] ranked = new boolean[n];
        for (int i = 0; i < n; i++) {
            ranked[i] = state.eligible[i] && !Double.isNaN(composite[i]);
        }
        double[][] levels = new double[hierarchy.dimensionCount()][];
        Rescale rescale = state.framework.rescale();
        for (int d = 0; d < levels.length; d++) {
            levels[d] = rescale != null && rescale.allLevels() ? rescaled(state.nodeScores[d], ranked, rescale)
                    : snapshot ? state.nodeScores[d].clone() : state.nodeScores[d];
        }
        if (rescale != null) {
            composite = rescaled(composite, ranked, rescale);
        }
        double[][] indicatorScores = new double[state.indicatorCount()][];
        for (int j = 0; j < indicatorScores.length; j++) {
            indicatorScores[j] = !state.indicatorUsed[j] ? new double[n] : normalisedColumns[j];
            if (!state.indicatorUsed[j]) {
                Arrays.fill(indicatorScores[j], Double.NaN);
            }
        }
        boolean higherIsBetter = state.framework.kind() != FrameworkMethod.STRUCTURE_DEVIATION;
        int[] ranks = Ranking.ranks(composite, ranked, state.regions, higherIsBetter, previousOrder);
        Map<String, Integer> previousRanks = previousRanks(state.options.previous());
        List<RegionResult> results = new ArrayList<>(n);
        boolean imputing = state.framework.missingData().imputation() != Imputation.NONE;
        for (int i = 0; i < n; i++) {
            String region = state.regions.get(i);
            int previousRank = previousRanks.getOrDefault(region, 0);
            if (!ranked[i]) {
                results.add(new RegionResult(region, RegionStatus.INSUFFICIENT_DATA, Double.NaN, 0, Map.of(), Set.of(), Map.of(),
                        previousRank));
                continue;
            }
            Set<String> imputed = Set.of();
            for (int j = 0; imputing && j < indicatorScores.length; j++) {
                if (state.imputed[j][i]) {
                    imputed = imputed.isEmpty() ? new TreeSet<>() : imputed;
                    imputed.add(hierarchy.indicatorCodes.get(j));
                }
            }
            results.add(new RegionResult(region, RegionStatus.RANKED, composite[i], ranks[i],
                    new ScoreMap(hierarchy.dimensionCodes, hierarchy.dimensionIndex, levels, i), imputed,
                    new ScoreMap(hierarchy.indicatorCodes, hierarchy.indicatorIndex, indicatorScores, i), previousRank));
        }
        List<String> warnings = new ArrayList<>(state.warnings);
        warnings.addAll(CompositePipeline.screeningWarnings(state));
        return new Evaluation(state.framework.id(), results, relativeWeights(state), List.copyOf(warnings), compositeWeights(state));
    }

    static double[][] copies(double[][] columns) {
        double[][] copies = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            copies[j] = columns[j].clone();
        }
        return copies;
    }

    static double[] rescaled(double[] scores, boolean[] ranked, Rescale rescale) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (ranked[i] && !Double.isNaN(scores[i])) {
                min = Math.min(min, scores[i]);
                max = Math.max(max, scores[i]);
            }
        }
        double[] result = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            result[i] = !ranked[i] || Double.isNaN(scores[i]) ? Double.NaN
                    : max == min ? (rescale.min() + rescale.max()) / 2
                    : rescale.min() + (rescale.max() - rescale.min()) * (scores[i] - min) / (max - min);
        }
        return result;
    }

    private static Map<String, Integer> previousRanks(Evaluation previous) {
        Map<String, Integer> ranks = new HashMap<>();
        if (previous != null) {
            previous.regions().forEach(r -> ranks.put(r.region(), r.rank()));
        }
        return ranks;
    }

    private static Map<String, Double> relativeWeights(ScoringState state) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Hierarchy hierarchy = state.hierarchy;
        for (int node = 0; node < hierarchy.nodeCount(); node++) {
            for (int c = 0; c < hierarchy.children.get(node).length; c++) {
                weights.put(hierarchy.childCode(node, c), state.nodeWeights[node][c]);
            }
        }
        return weights;
    }

    private static Map<String, Double> compositeWeights(ScoringState state) {
        Hierarchy hierarchy = state.hierarchy;
        double[] nodeShare = new double[hierarchy.nodeCount()];
        nodeShare[hierarchy.root] = 1;
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int node = hierarchy.root; node >= 0; node--) {
            int[] children = hierarchy.children.get(node);
            for (int c = 0; c < children.length; c++) {
                double share = nodeShare[node] * state.nodeWeights[node][c];
                if (hierarchy.holdsIndicators.get(node)) {
                    weights.put(hierarchy.indicatorCodes.get(children[c]), share);
                } else {
                    nodeShare[children[c]] = share;
                }
            }
        }
        Map<String, Double> inFileOrder = new LinkedHashMap<>();
        hierarchy.indicatorCodes.forEach(code -> inFileOrder.put(code, weights.getOrDefault(code, 0.0)));
        return inFileOrder;
    }
}

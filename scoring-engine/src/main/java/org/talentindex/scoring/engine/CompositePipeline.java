package org.talentindex.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.talentindex.scoring.engine.compute.Aggregator;
import org.talentindex.scoring.engine.compute.ColumnNormaliser;
import org.talentindex.scoring.engine.compute.ColumnStatistics;
import org.talentindex.scoring.engine.compute.Ranking;
import org.talentindex.scoring.engine.compute.SiblingWeights;
import org.talentindex.scoring.engine.compute.Winsoriser;
import org.talentindex.scoring.engine.derived.DerivedIndicators;
import org.talentindex.scoring.engine.framework.Framework;
import org.talentindex.scoring.engine.framework.FrameworkMethod;
import org.talentindex.scoring.engine.framework.Imputation;
import org.talentindex.scoring.engine.framework.Indicator;
import org.talentindex.scoring.engine.framework.Normalisation;
import org.talentindex.scoring.engine.framework.Region;
import org.talentindex.scoring.engine.framework.Rescale;
import org.talentindex.scoring.engine.framework.WeightingMethod;

/**
 * The stages of a composite evaluation: load (derive, denominate) → screen (coverage) → prepare (impute, winsorise) → normalise →
 * aggregate (weights and scores level by level) → publish (rescale, rank). Stages work per column where they can, so that
 * {@link IncrementalEvaluation} re-runs only what a changed cell touches.
 */
final class CompositePipeline {

    private CompositePipeline() {
    }

    static ScoringState load(Framework framework, ValueTable values, EvaluationOptions options) {
        Hierarchy hierarchy = new Hierarchy(framework);
        ValueTable table = derived(framework, values, options.previousPeriod());
        Set<String> regionCodes = new TreeSet<>(table.regions());
        regionCodes.addAll(framework.scoredUnits());
        ScoringState state = new ScoringState(framework, hierarchy, options, List.copyOf(regionCodes));
        if (!framework.regions().isEmpty()) {
            Set<String> undeclared = new TreeSet<>(table.regions());
            framework.scoredUnits().forEach(undeclared::remove);
            if (!undeclared.isEmpty()) {
                state.warnings.add("regions not declared by the framework were scored: " + undeclared);
            }
        }
        for (int j = 0; j < state.indicatorCount(); j++) {
            state.raw[j] = denominated(hierarchy.indicators.get(j), table, state.regions);
        }
        return state;
    }

    static ValueTable derived(Framework framework, ValueTable values, ValueTable previousPeriod) {
        if (framework.derived().isEmpty()) {
            return values;
        }
        return DerivedIndicators.apply(framework.derived(), values, years -> years == 1 ? previousPeriod : null);
    }

    static double[] denominated(Indicator indicator, ValueTable table, List<String> regions) {
        double[] column = table.column(indicator.code(), regions);
        if (indicator.denominator() != null) {
            double[] denominator = table.column(indicator.denominator().indicator(), regions);
            for (int i = 0; i < column.length; i++) {
                column[i] = denominator[i] == 0 ? Double.NaN : column[i] / denominator[i] * indicator.denominator().scale();
            }
        }
        return column;
    }

    /** Counts the present cells and decides which regions and indicators have enough values. */
    static void screen(ScoringState state) {
        java.util.Arrays.fill(state.presentInRegion, 0);
        java.util.Arrays.fill(state.presentInIndicator, 0);
        for (int j = 0; j < state.indicatorCount(); j++) {
            for (int i = 0; i < state.regionCount(); i++) {
                if (!Double.isNaN(state.raw[j][i])) {
                    state.presentInIndicator[j]++;
                    state.presentInRegion[i]++;
                }
            }
            decideIndicator(state, j);
        }
        for (int i = 0; i < state.regionCount(); i++) {
            decideRegion(state, i);
        }
    }

    static void decideIndicator(ScoringState state, int j) {
        int n = state.regionCount();
        state.indicatorUsed[j] = n > 0 && state.presentInIndicator[j] > 0
                && (double) state.presentInIndicator[j] / n >= state.framework.missingData().minIndicatorCoverage();
    }

    static void decideRegion(ScoringState state, int i) {
        int present = state.presentInRegion[i];
        state.eligible[i] = present > 0 && (double) present / state.indicatorCount() >= state.framework.missingData().minRegionCoverage();
    }

    private static List<String> screeningWarnings(ScoringState state) {
        List<String> warnings = new ArrayList<>();
        for (int j = 0; j < state.indicatorCount(); j++) {
            if (!state.indicatorUsed[j]) {
                warnings.add("indicator " + state.hierarchy.indicatorCodes.get(j) + " left out: coverage below "
                        + state.framework.missingData().minIndicatorCoverage());
            }
        }
        return warnings;
    }

    /** Imputes and treats outliers in one column, then normalises it. */
    static void prepareAndNormalise(ScoringState state, int j) {
        state.prepared[j] = state.raw[j].clone();
        Arrays.fill(state.imputed[j], false);
        if (state.indicatorUsed[j]) {
            impute(state, j);
            Winsoriser.winsorise(state.prepared[j], state.eligible, state.framework.outliers());
        }
        normalise(state, j);
    }

    static void normalise(ScoringState state, int j) {
        Indicator indicator = state.hierarchy.indicators.get(j);
        state.statistics[j] = ColumnStatistics.of(state.prepared[j], state.eligible);
        state.normalised[j] = ColumnNormaliser.normalise(state.prepared[j], state.eligible, indicator, normalisation(state),
                referenceValue(state, j), state.statistics[j]);
    }

    static Normalisation normalisation(ScoringState state) {
        Normalisation declared = state.framework.normalisation();
        return state.options.normalisation() == null ? declared : declared.withMethod(state.options.normalisation());
    }

    private static double referenceValue(ScoringState state, int j) {
        String reference = state.framework.normalisation().referenceRegion();
        int row = reference == null ? -1 : state.regions.indexOf(reference);
        return row < 0 ? Double.NaN : state.prepared[j][row];
    }

    private static void impute(ScoringState state, int j) {
        Imputation imputation = state.framework.missingData().imputation();
        if (imputation == Imputation.NONE) {
            return;
        }
        double[] column = state.prepared[j];
        double mean = ColumnStatistics.of(state.raw[j], state.eligible).mean();
        Map<String, Double> groupMeans = imputation == Imputation.GROUP_MEAN ? groupMeans(state, j) : Map.of();
        Map<String, String> groups = imputation == Imputation.GROUP_MEAN ? groups(state.framework) : Map.of();
        for (int i = 0; i < column.length; i++) {
            if (!state.eligible[i] || !Double.isNaN(column[i])) {
                continue;
            }
            double value = switch (imputation) {
                case MEAN -> mean;
                case GROUP_MEAN -> groupMeans.getOrDefault(groups.get(state.regions.get(i)), mean);
                case LAST_PERIOD -> lastPeriod(state, j, i);
                case NONE -> Double.NaN;
            };
            if (!Double.isNaN(value)) {
                column[i] = value;
                state.imputed[j][i] = true;
            }
        }
    }

    private static double lastPeriod(ScoringState state, int j, int i) {
        ValueTable previous = state.options.previousPeriod();
        if (previous == null) {
            return Double.NaN;
        }
        return denominated(state.hierarchy.indicators.get(j), previous, List.of(state.regions.get(i)))[0];
    }

    private static Map<String, String> groups(Framework framework) {
        Map<String, String> groups = new HashMap<>();
        for (Region region : framework.regions()) {
            if (region.group() != null) {
                groups.put(region.code(), region.group());
            }
        }
        return groups;
    }

    private static Map<String, Double> groupMeans(ScoringState state, int j) {
        Map<String, String> groups = groups(state.framework);
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < state.regionCount(); i++) {
            String group = groups.get(state.regions.get(i));
            if (group != null && state.eligible[i] && !Double.isNaN(state.raw[j][i])) {
                double[] sum = sums.computeIfAbsent(group, g -> new double[2]);
                sum[0] += state.raw[j][i];
                sum[1]++;
            }
        }
        Map<String, Double> means = new HashMap<>();
        sums.forEach((group, sum) -> means.put(group, sum[0] / sum[1]));
        return means;
    }

    /** Weights and scores of every node, children before parents. */
    static void aggregate(ScoringState state) {
        for (int node = 0; node < state.hierarchy.nodeCount(); node++) {
            aggregateNode(state, node);
        }
    }

    /** Recomputes one node's weights and its score for every region. */
    static void aggregateNode(ScoringState state, int node) {
        double[][] childColumns = childColumns(state, node);
        state.nodeWeights[node] = weights(state, node, childColumns);
        for (int i = 0; i < state.regionCount(); i++) {
            state.nodeScores[node][i] = nodeScore(state, node, childColumns, i);
        }
    }

    /** Recomputes one node's score for one region, with the node's current weights. */
    static void aggregateNode(ScoringState state, int node, int region) {
        state.nodeScores[node][region] = nodeScore(state, node, childColumns(state, node), region);
    }

    private static double[][] childColumns(ScoringState state, int node) {
        int[] children = state.hierarchy.children.get(node);
        double[][] childColumns = new double[children.length][];
        for (int c = 0; c < children.length; c++) {
            childColumns[c] = state.hierarchy.holdsIndicators.get(node) ? state.normalised[children[c]] : state.nodeScores[children[c]];
        }
        return childColumns;
    }

    private static double nodeScore(ScoringState state, int node, double[][] childColumns, int region) {
        if (!state.eligible[region]) {
            return Double.NaN;
        }
        double[] row = new double[childColumns.length];
        for (int c = 0; c < row.length; c++) {
            row[c] = childColumns[c][region];
        }
        return Aggregator.aggregate(state.hierarchy.aggregation.get(node), row, state.nodeWeights[node]);
    }

    static double[] weights(ScoringState state, int node, double[][] childColumns) {
        Hierarchy hierarchy = state.hierarchy;
        WeightingMethod method = hierarchy.weighting.get(node);
        int k = childColumns.length;
        double[] base = switch (method) {
            case EQUAL -> SiblingWeights.equal(k);
            case FIXED, RELATIVE -> SiblingWeights.declared(hierarchy.declaredWeights.get(node));
            case ENTROPY -> SiblingWeights.entropy(childColumns, state.eligible, state.framework.weighting().entropyShift());
            case CRITIC -> SiblingWeights.critic(childColumns, state.eligible);
        };
        double[] adjusted = base.clone();
        for (int c = 0; c < k; c++) {
            adjusted[c] *= state.options.weightMultipliers().getOrDefault(hierarchy.childCode(node, c), 1.0);
            if (hierarchy.holdsIndicators.get(node) && !state.indicatorUsed[hierarchy.children.get(node)[c]]) {
                adjusted[c] = 0;
            }
        }
        return Arrays.stream(adjusted).sum() > 0 ? SiblingWeights.normalised(adjusted) : new double[k];
    }

    /** Final rescale, ranks and the result records. */
    static Evaluation publish(ScoringState state) {
        Hierarchy hierarchy = state.hierarchy;
        int n = state.regionCount();
        double[] composite = state.nodeScores[hierarchy.root].clone();
        boolean[] ranked = new boolean[n];
        for (int i = 0; i < n; i++) {
            ranked[i] = state.eligible[i] && !Double.isNaN(composite[i]);
        }
        double[][] levels = new double[hierarchy.dimensionCount()][];
        for (int d = 0; d < levels.length; d++) {
            levels[d] = state.nodeScores[d];
        }
        Rescale rescale = state.framework.rescale();
        if (rescale != null) {
            composite = rescaled(composite, ranked, rescale);
            if (rescale.allLevels()) {
                for (int d = 0; d < levels.length; d++) {
                    levels[d] = rescaled(levels[d], ranked, rescale);
                }
            }
        }
        boolean higherIsBetter = state.framework.kind() != FrameworkMethod.STRUCTURE_DEVIATION;
        int[] ranks = Ranking.ranks(composite, ranked, state.regions, higherIsBetter);
        Map<String, Integer> previousRanks = previousRanks(state.options.previous());
        Map<String, Integer> dimensionIndex = hierarchy.dimensionIndex;
        List<RegionResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String region = state.regions.get(i);
            int previousRank = previousRanks.getOrDefault(region, 0);
            if (!ranked[i]) {
                results.add(new RegionResult(region, RegionStatus.INSUFFICIENT_DATA, Double.NaN, 0, Map.of(), Set.of(), Map.of(),
                        previousRank));
                continue;
            }
            double[] levelRow = new double[levels.length];
            for (int d = 0; d < levels.length; d++) {
                levelRow[d] = levels[d][i];
            }
            double[] indicatorRow = new double[state.indicatorCount()];
            Set<String> imputed = new TreeSet<>();
            for (int j = 0; j < indicatorRow.length; j++) {
                indicatorRow[j] = state.indicatorUsed[j] ? state.normalised[j][i] : Double.NaN;
                if (state.imputed[j][i]) {
                    imputed.add(hierarchy.indicatorCodes.get(j));
                }
            }
            results.add(new RegionResult(region, RegionStatus.RANKED, composite[i], ranks[i],
                    new ScoreMap(hierarchy.dimensionCodes, dimensionIndex, levelRow), imputed,
                    new ScoreMap(hierarchy.indicatorCodes, hierarchy.indicatorIndex, indicatorRow), previousRank));
        }
        List<String> warnings = new ArrayList<>(state.warnings);
        warnings.addAll(screeningWarnings(state));
        return new Evaluation(state.framework.id(), results, relativeWeights(state), List.copyOf(warnings), compositeWeights(state));
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

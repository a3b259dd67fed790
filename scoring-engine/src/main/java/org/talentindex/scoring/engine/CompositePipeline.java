package org.talentindex.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.talentindex.scoring.engine.compute.Aggregator;
import org.talentindex.scoring.engine.compute.ColumnNormaliser;
import org.talentindex.scoring.engine.compute.ColumnStatistics;
import org.talentindex.scoring.engine.compute.SiblingWeights;
import org.talentindex.scoring.engine.compute.Winsoriser;
import org.talentindex.scoring.engine.derived.AggregateRegions;
import org.talentindex.scoring.engine.derived.DerivedIndicators;
import org.talentindex.framework.Framework;
import org.talentindex.framework.Indicator;
import org.talentindex.framework.Normalisation;
import org.talentindex.framework.WeightingMethod;

/**
 * The stages of a composite evaluation: load (derive, denominate) → screen (coverage) → prepare (impute, winsorise) → normalise →
 * aggregate (weights and scores level by level); {@link ResultPublisher} then rescales and ranks. Stages work per column where they
 * can, so that {@link IncrementalEvaluation} re-runs only what a changed cell touches.
 */
final class CompositePipeline {

    private CompositePipeline() {
    }

    static ScoringState load(Framework framework, ValueTable values, EvaluationOptions options) {
        Hierarchy hierarchy = new Hierarchy(framework);
        List<String> aggregateWarnings = new ArrayList<>();
        ValueTable table = derived(framework, AggregateRegions.withSums(framework, values, aggregateWarnings), options.earlierPeriods());
        Set<String> regionCodes = new TreeSet<>(table.regions());
        framework.regions().forEach(r -> regionCodes.add(r.code()));
        ScoringState state = new ScoringState(framework, hierarchy, options, List.copyOf(regionCodes));
        state.warnings.addAll(aggregateWarnings);
        if (!framework.regions().isEmpty()) {
            Set<String> undeclared = new TreeSet<>(table.regions());
            framework.regions().forEach(r -> undeclared.remove(r.code()));
            if (!undeclared.isEmpty()) {
                state.warnings.add("regions not declared by the framework were scored: " + undeclared);
            }
        }
        int[] rows = table.rows(state.regions);
        for (int j = 0; j < state.indicatorCount(); j++) {
            state.raw[j] = denominated(hierarchy.indicators.get(j), table, rows);
        }
        return state;
    }

    /**
     * The values with the derived columns added. An earlier period is read as the current one is (aggregates summed, derived columns
     * that need no earlier period of their own), so that growth of an aggregate or of a ratio compares like with like.
     */
    static ValueTable derived(Framework framework, ValueTable values, Map<Integer, ValueTable> earlierPeriods) {
        if (framework.derived().isEmpty()) {
            return values;
        }
        Map<Integer, ValueTable> earlier = new HashMap<>();
        earlierPeriods.forEach((back, table) -> earlier.put(back, DerivedIndicators.apply(framework.derived(),
                AggregateRegions.withSums(framework, table, new ArrayList<>()), years -> null)));
        return DerivedIndicators.apply(framework.derived(), values, earlier::get);
    }

    static double[] denominated(Indicator indicator, ValueTable table, List<String> regions) {
        return denominated(indicator, table, table.rows(regions));
    }

    static double[] denominated(Indicator indicator, ValueTable table, int[] rows) {
        double[] column = table.column(indicator.code(), rows);
        if (indicator.denominator() != null) {
            double[] denominator = table.column(indicator.denominator().indicator(), rows);
            for (int i = 0; i < column.length; i++) {
                column[i] = denominator[i] == 0 ? Double.NaN : column[i] / denominator[i] * indicator.denominator().scale();
            }
        }
        return column;
    }

    /** Counts the present cells and decides which regions and indicators have enough values. */
    static void screen(ScoringState state) {
        Arrays.fill(state.presentInRegion, 0);
        Arrays.fill(state.presentInIndicator, 0);
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

    static List<String> screeningWarnings(ScoringState state) {
        List<String> warnings = new ArrayList<>();
        for (int j = 0; j < state.indicatorCount(); j++) {
            if (!state.indicatorUsed[j]) {
                warnings.add("indicator " + state.hierarchy.indicatorCodes.get(j) + " left out: coverage below "
                        + state.framework.missingData().minIndicatorCoverage());
            }
            if (state.treatments[j] == Winsoriser.Treatment.LEFT_TWO_VALUED) {
                warnings.add("indicator " + state.hierarchy.indicatorCodes.get(j)
                        + " not treated for outliers: it has two distinct values, which treatment would make one");
            }
        }
        return warnings;
    }

    /** Imputes and treats outliers in one column, then normalises it. */
    static void prepareAndNormalise(ScoringState state, int j) {
        state.prepared[j] = state.raw[j].clone();
        Arrays.fill(state.imputed[j], false);
        state.treatments[j] = Winsoriser.Treatment.NONE;
        if (state.indicatorUsed[j]) {
            Imputer.impute(state, j);
            state.treatments[j] = Winsoriser.treat(state.prepared[j], state.eligible, state.framework.outliers());
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
        double[] row = new double[childColumns.length];
        for (int i = 0; i < state.regionCount(); i++) {
            state.nodeScores[node][i] = nodeScore(state, node, childColumns, i, row);
        }
    }

    /** Recomputes one node's score for one region, with the node's current weights. */
    static void aggregateNode(ScoringState state, int node, int region) {
        double[][] childColumns = childColumns(state, node);
        state.nodeScores[node][region] = nodeScore(state, node, childColumns, region, new double[childColumns.length]);
    }

    private static double[][] childColumns(ScoringState state, int node) {
        int[] children = state.hierarchy.children.get(node);
        double[][] childColumns = new double[children.length][];
        for (int c = 0; c < children.length; c++) {
            childColumns[c] = state.hierarchy.holdsIndicators.get(node) ? state.normalised[children[c]] : state.nodeScores[children[c]];
        }
        return childColumns;
    }

    private static double nodeScore(ScoringState state, int node, double[][] childColumns, int region, double[] row) {
        if (!state.eligible[region]) {
            return Double.NaN;
        }
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
}

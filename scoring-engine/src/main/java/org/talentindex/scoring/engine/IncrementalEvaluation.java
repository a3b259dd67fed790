package org.talentindex.scoring.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.talentindex.scoring.engine.compute.ColumnNormaliser;
import org.talentindex.scoring.engine.compute.ColumnStatistics;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkMethod;
import org.talentindex.framework.Imputation;
import org.talentindex.framework.Indicator;
import org.talentindex.framework.NormalisationMethod;

/**
 * Keeps a composite evaluation current under single-cell changes, with the same results as a full {@link FrameworkEvaluator} run
 * (to rounding, ~1e-12). Per indicator column it keeps the prepared values, the normalised values and their {@link ColumnStatistics}.
 * A changed cell costs:
 * <ul>
 * <li>O(1) to re-normalise when the column is min-max/goalposts/distance/none and its min and max do not move (no imputation,
 * winsorisation or rank-type normalisation), otherwise O(n) to re-prepare and re-normalise that one column;</li>
 * <li>aggregation only along the indicator's path to the root: one region when the column changed in one cell and the path's weights
 * are not data-driven, otherwise all regions for the nodes on the path (O(n·k));</li>
 * <li>O(n log n) to rescale and rank, and building the result records.</li>
 * </ul>
 * A batch of changes ({@link #apply}) updates the columns cell by cell, then re-aggregates each affected node once and publishes once. A change of a region's eligibility (coverage), a
 * new region, or a framework with derived indicators falls back to a full rebuild, and so do non-composite methods.
 */
public final class IncrementalEvaluation {

    private final Framework framework;
    private final EvaluationOptions options;
    private final ValueTable values;
    private final Map<String, Integer> regionRows = new HashMap<>();
    private ScoringState state;
    private Evaluation current;
    /** Copies of the normalised columns the published results read; a column is copied again only when it changed. */
    private double[][] publishedColumns;
    private final BitSet changedColumns = new BitSet();

    private IncrementalEvaluation(Framework framework, ValueTable values, EvaluationOptions options) {
        this.framework = framework;
        this.options = options;
        this.values = new ValueTable(values);
        rebuild();
    }

    public static IncrementalEvaluation start(Framework framework, ValueTable values) {
        return new IncrementalEvaluation(framework, values, EvaluationOptions.NONE);
    }

    public static IncrementalEvaluation start(Framework framework, ValueTable values, EvaluationOptions options) {
        return new IncrementalEvaluation(framework, values, options);
    }

    public Evaluation evaluation() {
        return current;
    }

    /** These values with the changes taken, evaluated with other options (e.g. an earlier period's values changed): one full evaluation. */
    public IncrementalEvaluation withOptions(EvaluationOptions other, List<CellChange> changes) {
        ValueTable changed = values();
        changes.forEach(change -> change.applyTo(changed));
        return new IncrementalEvaluation(framework, changed, other);
    }

    /** A copy of the values as they stand. */
    public ValueTable values() {
        return new ValueTable(values);
    }

    /** The statistics of an indicator's prepared column over the scored regions. */
    public ColumnStatistics statistics(String indicator) {
        return state.statistics[state.hierarchy.indicatorIndex.get(indicator)];
    }

    public Evaluation put(String region, String column, double value) {
        return apply(List.of(new CellChange(region, column, value)));
    }

    public Evaluation remove(String region, String column) {
        return apply(List.of(new CellChange(region, column, null)));
    }

    /**
     * Applies a batch of changes (e.g. one poll's updates of a framework-period) and publishes once. Columns are brought up to date
     * cell by cell; each node of the tree is then re-aggregated once, for the regions that changed below it, or for all regions when
     * its weights are data-driven or a whole column changed below it.
     */
    public Evaluation apply(List<CellChange> changes) {
        boolean current = true;
        DirtyNodes dirty = new DirtyNodes(state.hierarchy);
        for (CellChange change : changes) {
            change.applyTo(values);
            current = current && applied(change.region(), change.column(), dirty);
        }
        if (!current) {
            return rebuild();
        }
        dirty.aggregate(state);
        return publish(rankOrder(this.current));
    }

    /** Takes the changes and evaluates everything again from the values, as {@link FrameworkEvaluator} does (the baseline of {@link #apply}). */
    public Evaluation recompute(List<CellChange> changes) {
        changes.forEach(change -> change.applyTo(values));
        return rebuild();
    }

    /** Brings a column up to date with one changed cell and marks the nodes above it; false when only a rebuild can. */
    private boolean applied(String region, String column, DirtyNodes dirty) {
        int row = regionRows.getOrDefault(region, -1);
        boolean supported = framework.kind() == FrameworkMethod.COMPOSITE || framework.kind() == FrameworkMethod.EARLY_WARNING;
        if (!supported || row < 0 || !framework.derived().isEmpty() || !framework.aggregates().isEmpty()) {
            return false;
        }
        boolean eligibleBefore = state.eligible[row];
        List<Integer> affected = affectedIndicators(column);
        boolean[] usedBefore = state.indicatorUsed.clone();
        for (int j : affected) {
            double value = CompositePipeline.denominated(state.hierarchy.indicators.get(j), values, List.of(region))[0];
            int presence = (Double.isNaN(value) ? 0 : 1) - (Double.isNaN(state.raw[j][row]) ? 0 : 1);
            state.presentInRegion[row] += presence;
            state.presentInIndicator[j] += presence;
            state.raw[j][row] = value;
            CompositePipeline.decideIndicator(state, j);
        }
        CompositePipeline.decideRegion(state, row);
        if (eligibleBefore != state.eligible[row]) {
            return false;
        }
        for (int j : affected) {
            boolean wholeColumn;
            if (state.indicatorUsed[j] != usedBefore[j]) {
                CompositePipeline.prepareAndNormalise(state, j);
                wholeColumn = true;
            } else {
                wholeColumn = !updateCell(j, row);
            }
            dirty.mark(j, row, wholeColumn);
            changedColumns.set(j);
        }
        return true;
    }

    private List<Integer> affectedIndicators(String column) {
        List<Integer> affected = new ArrayList<>();
        for (int j = 0; j < state.indicatorCount(); j++) {
            Indicator indicator = state.hierarchy.indicators.get(j);
            if (indicator.code().equals(column) || indicator.denominator() != null && indicator.denominator().indicator().equals(column)) {
                affected.add(j);
            }
        }
        return affected;
    }

    /** Re-normalises one cell if its column's normalisation parameters stay put; false when the whole column had to be redone. */
    private boolean updateCell(int j, int row) {
        NormalisationMethod method = CompositePipeline.normalisation(state).method();
        boolean cellWise = framework.missingData().imputation() == Imputation.NONE && !framework.outliers().winsorise()
                && (method == NormalisationMethod.MIN_MAX || method == NormalisationMethod.GOALPOSTS
                || method == NormalisationMethod.NONE || method == NormalisationMethod.DISTANCE_TO_TARGET);
        String reference = framework.normalisation().referenceRegion();
        if (!cellWise || reference != null && reference.equals(state.regions.get(row))) {
            CompositePipeline.prepareAndNormalise(state, j);
            return false;
        }
        double value = state.raw[j][row];
        if (!state.eligible[row]) {
            state.prepared[j][row] = value;
            return true;
        }
        ColumnStatistics statistics = state.statistics[j];
        double old = state.prepared[j][row];
        double min = statistics.min();
        double max = statistics.max();
        boolean exact = Double.isNaN(old) || statistics.remove(old);
        state.prepared[j][row] = value;
        if (!Double.isNaN(value)) {
            statistics.add(value);
        }
        if (!exact) {
            state.statistics[j] = ColumnStatistics.of(state.prepared[j], state.eligible);
            statistics = state.statistics[j];
        }
        if (statistics.min() != min || statistics.max() != max) {
            CompositePipeline.normalise(state, j);
            return false;
        }
        state.normalised[j][row] = Double.isNaN(value) || !state.eligible[row] ? Double.NaN
                : ColumnNormaliser.value(value, state.hierarchy.indicators.get(j), CompositePipeline.normalisation(state), Double.NaN,
                statistics);
        return true;
    }

    private Evaluation rebuild() {
        state = CompositePipeline.load(framework, values, options);
        publishedColumns = null;
        regionRows.clear();
        for (int i = 0; i < state.regionCount(); i++) {
            regionRows.put(state.regions.get(i), i);
        }
        CompositePipeline.screen(state);
        for (int j = 0; j < state.indicatorCount(); j++) {
            CompositePipeline.prepareAndNormalise(state, j);
        }
        CompositePipeline.aggregate(state);
        return publish(new int[0]);
    }

    /** The rows best first, as {@code evaluation} ranked them. */
    private int[] rankOrder(Evaluation evaluation) {
        List<RegionResult> results = evaluation.regions();
        int ranked = 0;
        for (RegionResult result : results) {
            ranked += result.rank() > 0 ? 1 : 0;
        }
        int[] order = new int[ranked];
        for (int row = 0; row < results.size(); row++) {
            int rank = results.get(row).rank();
            if (rank > 0 && rank <= ranked) {
                order[rank - 1] = row;
            }
        }
        return order;
    }

    private Evaluation publish(int[] previousOrder) {
        if (framework.kind() != FrameworkMethod.COMPOSITE && framework.kind() != FrameworkMethod.EARLY_WARNING) {
            current = FrameworkEvaluator.evaluate(framework, values, options);
            return current;
        }
        if (publishedColumns == null) {
            publishedColumns = ResultPublisher.copies(state.normalised);
        } else {
            for (int j = changedColumns.nextSetBit(0); j >= 0; j = changedColumns.nextSetBit(j + 1)) {
                publishedColumns[j] = state.normalised[j].clone();
            }
        }
        changedColumns.clear();
        current = ResultPublisher.publish(state, true, publishedColumns, previousOrder);
        return current;
    }

    /** A changed cell; a null value removes it. */
    public record CellChange(String region, String column, Double value) {

        /** Puts the value into the table, or removes the cell. */
        public void applyTo(ValueTable table) {
            if (value == null) {
                table.remove(region, column);
            } else {
                table.put(region, column, value);
            }
        }
    }

    /** The value currently held for a cell. */
    public OptionalDouble get(String region, String column) {
        return values.get(region, column);
    }
}

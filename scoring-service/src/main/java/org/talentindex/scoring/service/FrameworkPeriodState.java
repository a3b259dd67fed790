package org.talentindex.scoring.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.EvaluationOptions;
import org.talentindex.scoring.engine.IncrementalEvaluation;
import org.talentindex.scoring.engine.IncrementalEvaluation.CellChange;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;

/**
 * The in-memory copy of one framework-period: its evaluation, kept current cell by cell (per-column statistics, only
 * the affected regions and levels recomputed), the revision of every cell, the published scores and the version. It
 * also remembers what the cells changed by the current batch held before, for the attribution of the change.
 */
final class FrameworkPeriodState {

    private IncrementalEvaluation evaluation;
    private final boolean incremental;
    private final Map<String, Integer> revisions;
    private final List<CellChange> pending = new ArrayList<>();
    private final Map<String, CellChange> heldBeforeBatch = new HashMap<>();
    final Map<String, PublishedScore> published;
    /** The evaluation's warnings as last published. */
    List<String> publishedWarnings;
    /** The evaluation {@link #published} was last compared with (null after loading: compare everything). */
    Evaluation compared;
    long version;

    FrameworkPeriodState(Framework framework, ValueTable values, EvaluationOptions options, Map<String, Integer> revisions,
                         Map<String, PublishedScore> published, List<String> publishedWarnings, long version, boolean incremental) {
        this.evaluation = IncrementalEvaluation.start(framework, values, options);
        this.incremental = incremental;
        this.revisions = revisions;
        this.published = published;
        this.publishedWarnings = publishedWarnings;
        this.version = version;
    }

    static String cell(String region, String indicator) {
        return region + "\u001f" + indicator;
    }

    /** Takes the value if its revision is newer than the one held; false for a stale or repeated revision. */
    boolean apply(IndicatorUpdate update) {
        String cell = cell(update.region(), update.indicator());
        Integer held = revisions.get(cell);
        if (held != null && held >= update.revision()) {
            return false;
        }
        revisions.put(cell, update.revision());
        heldBeforeBatch.computeIfAbsent(cell, c -> {
            OptionalDouble before = evaluation.get(update.region(), update.indicator());
            return new CellChange(update.region(), update.indicator(), before.isPresent() ? before.getAsDouble() : null);
        });
        pending.add(new CellChange(update.region(), update.indicator(), update.value()));
        return true;
    }

    /** The evaluation with every value taken since the last call: brought up to date incrementally, or recomputed from scratch. */
    Evaluation evaluate() {
        Evaluation current = pending.isEmpty() ? evaluation.evaluation()
                : incremental ? evaluation.apply(pending) : evaluation.recompute(pending);
        pending.clear();
        return current;
    }

    /** Evaluates again, with the values taken since the last evaluation, against other earlier periods' values. */
    void useEarlierPeriods(EvaluationOptions options) {
        evaluation = evaluation.withOptions(options, pending);
        pending.clear();
    }

    /** The indicators the current batch changed. */
    Set<String> changedIndicators() {
        Set<String> indicators = new LinkedHashSet<>();
        heldBeforeBatch.values().forEach(c -> indicators.add(c.column()));
        return indicators;
    }

    int cells() {
        return revisions.size();
    }

    /** A copy of the values as they stand. */
    ValueTable values() {
        return evaluation.values();
    }

    /** A copy of the values with those taken since the last evaluation. */
    ValueTable valuesWithTaken() {
        ValueTable taken = evaluation.values();
        pending.forEach(change -> change.applyTo(taken));
        return taken;
    }

    /** A copy of the values as they stood before the current batch. */
    ValueTable valuesBeforeBatch() {
        ValueTable before = evaluation.values();
        heldBeforeBatch.values().forEach(held -> held.applyTo(before));
        return before;
    }

    /** Ends the batch: later changes are attributed to the next one. */
    void endBatch() {
        heldBeforeBatch.clear();
    }
}

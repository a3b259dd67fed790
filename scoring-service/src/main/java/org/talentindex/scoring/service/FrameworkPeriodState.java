package org.talentindex.scoring.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.IncrementalEvaluation;
import org.talentindex.scoring.engine.IncrementalEvaluation.CellChange;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.scoring.engine.framework.Framework;

/**
 * The in-memory copy of one framework-period: its evaluation, kept current cell by cell (per-column statistics, only
 * the affected regions and levels recomputed), the revision of every cell, the published scores and the version.
 */
final class FrameworkPeriodState {

    private final IncrementalEvaluation evaluation;
    private final Map<String, Integer> revisions;
    private final List<CellChange> pending = new ArrayList<>();
    final Map<String, PublishedScore> published;
    long version;

    FrameworkPeriodState(Framework framework, ValueTable values, Map<String, Integer> revisions,
                         Map<String, PublishedScore> published, long version) {
        this.evaluation = IncrementalEvaluation.start(framework, values);
        this.revisions = revisions;
        this.published = published;
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
        pending.add(new CellChange(update.region(), update.indicator(), update.value()));
        return true;
    }

    /** The evaluation with every value taken since the last call. */
    Evaluation evaluate() {
        Evaluation current = pending.isEmpty() ? evaluation.evaluation() : evaluation.apply(pending);
        pending.clear();
        return current;
    }
}

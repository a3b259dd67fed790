package org.talentindex.scoring.service;

import java.util.HashMap;
import java.util.Map;

import org.talentindex.scoring.engine.ValueTable;

/** The in-memory copy of one framework-period: current values with their revisions, published scores and version. */
final class FrameworkPeriodState {

    final ValueTable values = new ValueTable();
    final Map<String, Integer> revisions = new HashMap<>();
    final Map<String, PublishedScore> published = new HashMap<>();
    long version;

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
        values.put(update.region(), update.indicator(), update.value());
        return true;
    }
}

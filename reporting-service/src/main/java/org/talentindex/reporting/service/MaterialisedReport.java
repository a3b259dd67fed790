package org.talentindex.reporting.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.repository.ReportRegion;

/**
 * A framework-period's report with its regions' current scores, as plain objects: a batch changes it in memory and
 * writes only what it changed. The level scores are kept parsed, and written as text for the changed regions only.
 */
final class MaterialisedReport {

    final Report.Id key;
    final Report report;
    private boolean isNew;
    private final Map<String, ReportRegion> rows = new HashMap<>();
    private final Map<String, JsonNode> levels = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final Set<String> levelsChanged = new LinkedHashSet<>();
    private final Set<String> removed = new LinkedHashSet<>();

    private MaterialisedReport(Report.Id key, Report report, boolean isNew) {
        this.key = key;
        this.report = report;
        this.isNew = isNew;
    }

    /** The stored report and regions; a new, empty report when the framework-period has none. */
    static MaterialisedReport load(Report.Id key, JsonColumns columns) {
        Report stored = Report.detached(key);
        MaterialisedReport state = new MaterialisedReport(key, stored == null ? newReport(key) : stored, stored == null);
        for (ReportRegion row : ReportRegion.detachedOf(key.frameworkId(), key.period())) {
            state.rows.put(row.region, row);
            state.levels.put(row.region, columns.read(row.levels));
        }
        return state;
    }

    /** The report as it is now, for publishing while a later batch may already change this state. */
    Report snapshot() {
        Report copy = newReport(key);
        copy.version = report.version;
        copy.generatedAt = report.generatedAt;
        copy.document = report.document;
        copy.sensitivity = report.sensitivity;
        copy.latestChange = report.latestChange;
        copy.warnings = report.warnings;
        return copy;
    }

    boolean isNew() {
        return isNew;
    }

    /** Once written: no longer new, nothing pending. */
    void markStored() {
        isNew = false;
        changed.clear();
        levelsChanged.clear();
        removed.clear();
    }

    long version() {
        return report.version;
    }

    RegionState state(String region) {
        ReportRegion row = rows.get(region);
        return row == null ? null : new RegionState(row.status, row.score, row.rank, levels.get(row.region));
    }

    /** The region's scores after a version; its rank before that version is kept for the rank change. */
    void update(String region, RegionState state, long version) {
        ReportRegion row = rows.computeIfAbsent(region, code -> {
            ReportRegion created = new ReportRegion();
            created.frameworkId = key.frameworkId();
            created.period = key.period();
            created.region = code;
            return created;
        });
        row.status = state.status();
        row.score = state.score();
        levels.put(region, state.levels());
        levelsChanged.add(region);
        rerank(row, state.rank(), version);
    }

    /** True when every region the version re-ranks (and changes nothing else of) is held. */
    boolean holdsAll(ScoreUpdate update) {
        return update.rankChanges().stream().allMatch(change -> rows.containsKey(change.region()));
    }

    /** A held region's new rank, everything else about it unchanged. */
    void rerank(String region, int rank, long version) {
        rerank(rows.get(region), rank, version);
    }

    private void rerank(ReportRegion row, int rank, long version) {
        row.previousRank = row.rank == 0 ? null : row.rank;
        row.changedVersion = version;
        row.rank = rank;
        changed.add(row.region);
    }

    /** Removes every region not in {@code kept}. */
    void retainOnly(Set<String> kept) {
        for (String region : List.copyOf(rows.keySet())) {
            if (!kept.contains(region)) {
                rows.remove(region);
                levels.remove(region);
                changed.remove(region);
                levelsChanged.remove(region);
                removed.add(region);
            }
        }
    }

    List<ReportRegion> regions() {
        return List.copyOf(rows.values());
    }

    Map<String, JsonNode> levels() {
        return levels;
    }

    /** The rows changed since loading, with changed level scores written as text. */
    List<ReportRegion> changedRows(JsonColumns columns) {
        List<ReportRegion> changedRows = new ArrayList<>(changed.size());
        for (String region : changed) {
            ReportRegion row = rows.get(region);
            if (levelsChanged.contains(region)) {
                row.levels = columns.write(levels.get(region));
            }
            changedRows.add(row);
        }
        return changedRows;
    }

    Set<String> removedRegions() {
        return removed;
    }

    int size() {
        return rows.size();
    }

    private static Report newReport(Report.Id key) {
        Report report = new Report();
        report.frameworkId = key.frameworkId();
        report.period = key.period();
        return report;
    }
}

package org.talentindex.reporting.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.talentindex.reporting.client.PublishedScores;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.repository.ReportRegion;

/**
 * Materialises score-updates into the current scores per region and the report document of each framework-period. A
 * poll batch is applied in one transaction, each framework-period once with all its versions in order.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportDocument documents;

    @Inject
    ReportAnalysis analysis;

    @Inject
    JsonColumns columns;

    @Inject
    MeterRegistry metrics;

    /** Applies a batch of score-updates, in order per framework-period, and tells per framework-period what to publish. */
    @Transactional
    public List<KeyOutcome> apply(List<ScoreUpdate> updates) {
        Map<Report.Id, List<ScoreUpdate>> byKey = updates.stream()
                .collect(Collectors.groupingBy(ScoreUpdate::key, LinkedHashMap::new, Collectors.toList()));
        List<KeyOutcome> outcomes = new ArrayList<>();
        byKey.forEach((key, versions) -> outcomes.add(apply(key, versions)));
        return outcomes;
    }

    /**
     * Applies each version that is the next one, in the order received, and builds the report once. The current version
     * again (a redelivery, perhaps after a failed publication) publishes the stored report; an older one is ignored; a
     * version that skips one is not applied and is counted, and the caller resyncs, so a report never silently misses a
     * change.
     */
    private KeyOutcome apply(Report.Id key, List<ScoreUpdate> versions) {
        Report report = Report.findForUpdate(key);
        long stored = report == null ? 0 : report.version;
        long current = stored;
        boolean repeated = false;
        OptionalLong gap = OptionalLong.empty();
        Map<String, ReportRegion> rows = null;
        for (ScoreUpdate update : versions) {
            long version = update.version();
            if (version <= current) {
                metrics.counter("reporting.updates.duplicate").increment();
                repeated |= version == current;
            } else if (version == current + 1) {
                if (rows == null) {
                    rows = rowsByRegion(key);
                    report = Objects.requireNonNullElseGet(report, Report::new);
                }
                for (ScoreUpdate.RegionChange change : update.changes()) {
                    update(rows, key, change.region(), change.state(), version);
                }
                analysis.record(report, update);
                current = version;
            } else {
                metrics.counter("reporting.updates.gap").increment();
                Log.warnf("Version gap for %s/%s: have %d, received %d; resyncing", key.frameworkId(), key.period(), current, version);
                gap = OptionalLong.of(Math.max(version, gap.orElse(0)));
            }
        }
        if (current > stored) {
            return new KeyOutcome(key, Optional.of(regenerate(report, stored == 0, key, current, rows)), gap);
        }
        return new KeyOutcome(key, repeated ? Optional.of(report) : Optional.empty(), gap);
    }

    /**
     * Replaces a framework-period's scores by scoring's full published state after a version gap. Regions that differ
     * count as changed in the snapshot's version. Returns the report to publish: the new one, the stored one when it is
     * already at the snapshot's version (its publication may have failed), nothing when it is newer.
     */
    @Transactional
    public Optional<Report> applySnapshot(PublishedScores snapshot) {
        Report.Id key = new Report.Id(snapshot.frameworkId(), snapshot.period());
        Report report = Report.findForUpdate(key);
        if (report != null && snapshot.version() <= report.version) {
            return snapshot.version() == report.version ? Optional.of(report) : Optional.empty();
        }
        Map<String, ReportRegion> rows = rowsByRegion(key);
        for (PublishedScores.RegionScore region : snapshot.regions()) {
            RegionState state = new RegionState(region.status(), region.score(), region.rank(), columns.read(region.levels()));
            ReportRegion row = rows.get(region.region());
            if (row == null || !state.equals(stateOf(row))) {
                update(rows, key, region.region(), state, snapshot.version());
            }
        }
        Set<String> published = snapshot.regions().stream().map(PublishedScores.RegionScore::region).collect(Collectors.toSet());
        List<ReportRegion> missing = rows.values().stream().filter(row -> !published.contains(row.region)).toList();
        missing.forEach(row -> {
            row.delete();
            rows.remove(row.region);
        });
        boolean isNew = report == null;
        report = Objects.requireNonNullElseGet(report, Report::new);
        if (snapshot.sensitivity() != null) {
            analysis.recordSensitivity(report, snapshot.sensitivity(), snapshot.version());
        }
        metrics.counter("reporting.resyncs").increment();
        Log.infof("Resynced %s/%s to version %d from scoring", snapshot.frameworkId(), snapshot.period(), snapshot.version());
        return Optional.of(regenerate(report, isNew, key, snapshot.version(), rows));
    }

    private static Map<String, ReportRegion> rowsByRegion(Report.Id key) {
        Map<String, ReportRegion> rows = new HashMap<>();
        ReportRegion.of(key.frameworkId(), key.period()).forEach(r -> rows.put(r.region, r));
        return rows;
    }

    private void update(Map<String, ReportRegion> rows, Report.Id key, String region, RegionState state, long version) {
        ReportRegion row = rows.get(region);
        boolean isNew = row == null;
        if (isNew) {
            row = new ReportRegion();
            row.frameworkId = key.frameworkId();
            row.period = key.period();
            row.region = region;
        }
        row.previousRank = row.rank == 0 ? null : row.rank;
        row.changedVersion = version;
        row.status = state.status();
        row.score = state.score();
        row.rank = state.rank();
        row.levels = columns.write(state.levels());
        if (isNew) {
            row.persist();
            rows.put(region, row);
        }
    }

    private RegionState stateOf(ReportRegion row) {
        return new RegionState(row.status, row.score, row.rank, columns.read(row.levels));
    }

    private Report regenerate(Report report, boolean isNew, Report.Id key, long version, Map<String, ReportRegion> rows) {
        report.frameworkId = key.frameworkId();
        report.period = key.period();
        report.version = version;
        report.generatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        report.document = columns.write(documents.build(report, List.copyOf(rows.values())));
        if (isNew) {
            report.persist();
        }
        return report;
    }
}

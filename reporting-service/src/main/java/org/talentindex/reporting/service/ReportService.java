package org.talentindex.reporting.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.talentindex.reporting.client.PublishedScores;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.repository.ReportRegion.PeriodScore;
import org.talentindex.reporting.repository.ReportWriter;

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

    @Inject
    ReportWriter writer;

    @Inject
    MaterialisedReports materialised;

    /** Applies a batch of score-updates, in order per framework-period, and tells per framework-period what to publish. */
    @Transactional
    public List<KeyOutcome> apply(List<ScoreUpdate> updates) {
        Map<Report.Id, List<ScoreUpdate>> byKey = updates.stream()
                .collect(Collectors.groupingBy(ScoreUpdate::key, LinkedHashMap::new, Collectors.toList()));
        Map<Report.Id, Long> stored = writer.lockVersions(byKey.keySet());
        List<Applied> applied = new ArrayList<>();
        byKey.forEach((key, versions) -> applied.add(apply(key, versions, stored.getOrDefault(key, 0L))));
        Map<Report.Id, Report> regenerated = regenerate(applied.stream().filter(Applied::advanced).toList());
        return applied.stream().map(a -> a.outcome(regenerated)).toList();
    }

    /**
     * A framework-period's state after the batch's versions (or a resync), the version it reached and whether it saw the
     * stored one again.
     */
    private record Applied(Report.Id key, MaterialisedReport state, long stored, long current, boolean repeated, OptionalLong gap) {

        boolean advanced() {
            return current > stored;
        }

        /** The new report when a version applied, the stored one when the current version came again. */
        KeyOutcome outcome(Map<Report.Id, Report> regenerated) {
            Optional<Report> toPublish = advanced() ? Optional.of(regenerated.get(key))
                    : repeated ? Optional.of(Report.detached(key)) : Optional.empty();
            return new KeyOutcome(key, toPublish, gap);
        }
    }

    /**
     * Applies each version that is the next one, in the order received. The current version again (a redelivery, perhaps
     * after a failed publication) is noted; an older one is ignored; a version that skips one, or re-ranks a region this
     * report does not hold, is not applied and is counted, and the caller resyncs, so a report never silently misses a
     * change.
     */
    private Applied apply(Report.Id key, List<ScoreUpdate> versions, long stored) {
        MaterialisedReport state = null;
        long current = stored;
        boolean repeated = false;
        OptionalLong gap = OptionalLong.empty();
        for (ScoreUpdate update : versions) {
            long version = update.version();
            if (version <= current) {
                metrics.counter("reporting.updates.duplicate").increment();
                repeated |= version == current;
                continue;
            }
            if (version == current + 1) {
                if (state == null) {
                    state = materialised.take(key, stored);
                }
                if (state.holdsAll(update)) {
                    for (ScoreUpdate.RegionChange change : update.changes()) {
                        state.update(change.region(), change.state(), version);
                    }
                    for (ScoreUpdate.RankChange change : update.rankChanges()) {
                        state.rerank(change.region(), change.rank(), version);
                    }
                    analysis.record(state.report, update);
                    current = version;
                    continue;
                }
            }
            metrics.counter("reporting.updates.gap").increment();
            Log.warnf("Version %d of %s/%s does not follow version %d, or re-ranks a region not held; resyncing", version,
                    key.frameworkId(), key.period(), current);
            gap = OptionalLong.of(Math.max(version, gap.orElse(0)));
        }
        return new Applied(key, state, stored, current, repeated, gap);
    }

    /**
     * Replaces a framework-period's scores by scoring's full published state after a version gap. Regions that differ
     * count as changed in the snapshot's version. Returns the report to publish: the new one, the stored one when it is
     * already at the snapshot's version (its publication may have failed), nothing when it is newer.
     */
    @Transactional
    public Optional<Report> applySnapshot(PublishedScores snapshot) {
        Report.Id key = new Report.Id(snapshot.frameworkId(), snapshot.period());
        long stored = writer.lockVersions(List.of(key)).getOrDefault(key, 0L);
        if (snapshot.version() <= stored) {
            return snapshot.version() == stored ? Optional.of(Report.detached(key)) : Optional.empty();
        }
        MaterialisedReport state = materialised.take(key, stored);
        for (PublishedScores.RegionScore region : snapshot.regions()) {
            RegionState next = new RegionState(region.status(), region.score(), region.rank(), columns.read(region.levels()));
            if (!next.equals(state.state(region.region()))) {
                state.update(region.region(), next, snapshot.version());
            }
        }
        Set<String> published = snapshot.regions().stream().map(PublishedScores.RegionScore::region).collect(Collectors.toSet());
        state.retainOnly(published);
        if (snapshot.sensitivity() != null) {
            analysis.recordSensitivity(state.report, snapshot.sensitivity(), snapshot.version());
        }
        if (snapshot.warnings() != null) {
            analysis.recordWarnings(state.report, snapshot.warnings());
        }
        metrics.counter("reporting.resyncs").increment();
        Log.infof("Resynced %s/%s to version %d from scoring", snapshot.frameworkId(), snapshot.period(), snapshot.version());
        Applied resynced = new Applied(key, state, stored, snapshot.version(), false, OptionalLong.empty());
        return Optional.of(regenerate(List.of(resynced)).get(key));
    }

    /**
     * Writes the changed regions, then builds each report at its version (against the previous period as now stored) and
     * writes it; each state is kept once the transaction commits. Returns the reports to publish by framework-period.
     */
    private Map<Report.Id, Report> regenerate(List<Applied> advanced) {
        writer.upsertRegions(advanced.stream().flatMap(a -> a.state().changedRows(columns).stream()).toList());
        advanced.forEach(a -> writer.deleteRegions(a.key(), a.state().removedRegions()));
        Map<Report.Id, List<PeriodScore>> previous = writer.previousPeriodScores(advanced.stream().map(Applied::key).toList());
        List<Report> created = new ArrayList<>();
        List<Report> updated = new ArrayList<>();
        for (Applied applied : advanced) {
            MaterialisedReport state = applied.state();
            Report report = state.report;
            report.version = applied.current();
            report.generatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            report.document = documents.write(report, state.regions(), state.levels(), previous.getOrDefault(state.key, List.of()));
            (state.isNew() ? created : updated).add(report);
        }
        writer.save(created, updated);
        Map<Report.Id, Report> toPublish = new LinkedHashMap<>();
        for (Applied applied : advanced) {
            applied.state().markStored();
            materialised.keepOnCommit(applied.state());
            toPublish.put(applied.key(), applied.state().snapshot());
        }
        return toPublish;
    }
}

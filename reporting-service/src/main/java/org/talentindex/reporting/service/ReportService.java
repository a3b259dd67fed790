package org.talentindex.reporting.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.talentindex.reporting.client.PublishedScores;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.repository.ReportRegion;
import org.talentindex.reporting.service.VersionOutcome.Kind;

/** Materialises score-updates into the current scores per region and the report document of each framework-period. */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportDocument documents;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    /** The scores of one region as one version leaves them. */
    private record RegionState(String status, Double score, int rank, JsonNode levels) {
    }

    /**
     * Applies the next version of a framework-period. The current version again (a redelivery, perhaps after a failed
     * publication) returns the stored report; an older one returns nothing; a version that skips one is not applied and
     * is counted, and the caller resyncs, so a report never silently misses a change.
     */
    @Transactional
    public VersionOutcome apply(JsonNode scoreUpdate) {
        String frameworkId = scoreUpdate.get("frameworkId").asText();
        String period = scoreUpdate.get("period").asText();
        long version = scoreUpdate.get("version").asLong();
        Report report = Report.find(frameworkId, period);
        long current = report == null ? 0 : report.version;
        if (version <= current) {
            metrics.counter("reporting.updates.duplicate").increment();
            return new VersionOutcome(version == current ? Kind.REPEATED : Kind.STALE, frameworkId, period, version,
                    version == current ? report : null);
        }
        if (version != current + 1) {
            metrics.counter("reporting.updates.gap").increment();
            Log.warnf("Version gap for %s/%s: have %d, received %d; resyncing", frameworkId, period, current, version);
            return new VersionOutcome(Kind.GAP, frameworkId, period, version, null);
        }
        Map<String, ReportRegion> rows = rowsByRegion(frameworkId, period);
        for (JsonNode change : scoreUpdate.get("changes")) {
            JsonNode next = change.get("new");
            RegionState state = new RegionState(change.get("status").asText(),
                    next.get("score").isNull() ? null : next.get("score").asDouble(), next.get("rank").asInt(), next.get("levels"));
            update(rows, frameworkId, period, change.get("region").asText(), state, version);
        }
        return new VersionOutcome(Kind.APPLIED, frameworkId, period, version, regenerate(report, frameworkId, period, version));
    }

    /**
     * Replaces a framework-period's scores by scoring's full published state after a version gap. Regions that differ
     * count as changed in the snapshot's version. Returns the report to publish: the new one, the stored one when it is
     * already at the snapshot's version (its publication may have failed), nothing when it is newer.
     */
    @Transactional
    public Optional<Report> applySnapshot(PublishedScores snapshot) {
        Report report = Report.findById(new Report.Id(snapshot.frameworkId(), snapshot.period()), LockModeType.PESSIMISTIC_WRITE);
        if (report != null && snapshot.version() <= report.version) {
            return snapshot.version() == report.version ? Optional.of(report) : Optional.empty();
        }
        Map<String, ReportRegion> rows = rowsByRegion(snapshot.frameworkId(), snapshot.period());
        Map<String, ReportRegion> missing = new HashMap<>(rows);
        for (PublishedScores.RegionScore region : snapshot.regions()) {
            missing.remove(region.region());
            RegionState state = new RegionState(region.status(), region.score(), region.rank(), read(region.levels()));
            ReportRegion row = rows.get(region.region());
            if (row == null || !state.equals(stateOf(row))) {
                update(rows, snapshot.frameworkId(), snapshot.period(), region.region(), state, snapshot.version());
            }
        }
        missing.values().forEach(ReportRegion::delete);
        metrics.counter("reporting.resyncs").increment();
        Log.infof("Resynced %s/%s to version %d from scoring", snapshot.frameworkId(), snapshot.period(), snapshot.version());
        return Optional.of(regenerate(report, snapshot.frameworkId(), snapshot.period(), snapshot.version()));
    }

    private static Map<String, ReportRegion> rowsByRegion(String frameworkId, String period) {
        Map<String, ReportRegion> rows = new HashMap<>();
        ReportRegion.of(frameworkId, period).forEach(r -> rows.put(r.region, r));
        return rows;
    }

    private void update(Map<String, ReportRegion> rows, String frameworkId, String period, String region, RegionState state, long version) {
        ReportRegion row = rows.get(region);
        boolean isNew = row == null;
        if (isNew) {
            row = new ReportRegion();
            row.frameworkId = frameworkId;
            row.period = period;
            row.region = region;
        }
        row.previousRank = row.rank == 0 ? null : row.rank;
        row.changedVersion = version;
        row.status = state.status();
        row.score = state.score();
        row.rank = state.rank();
        row.levels = write(state.levels());
        if (isNew) {
            row.persist();
            rows.put(region, row);
        }
    }

    private RegionState stateOf(ReportRegion row) {
        return new RegionState(row.status, row.score, row.rank, read(row.levels));
    }

    private Report regenerate(Report existing, String frameworkId, String period, long version) {
        Report report = Objects.requireNonNullElseGet(existing, Report::new);
        report.frameworkId = frameworkId;
        report.period = period;
        report.version = version;
        report.generatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ReportRegion.flush();
        report.document = write(documents.build(report, ReportRegion.of(frameworkId, period)));
        if (existing == null) {
            report.persist();
        }
        return report;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

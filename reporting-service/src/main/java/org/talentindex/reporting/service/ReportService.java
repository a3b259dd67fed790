package org.talentindex.reporting.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.talentindex.reporting.catalogue.FrameworkNames;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.repository.ReportRegion;

/** Materialises score-updates into the current scores per region and the report document of each framework-period. */
@ApplicationScoped
public class ReportService {

    @Inject
    FrameworkNames names;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    /**
     * Applies the next version of a framework-period and returns the report to publish. The current version again
     * (a redelivery, perhaps after a failed publication) returns the stored report; an older one returns nothing; a
     * version that skips one is not applied and is counted, so a report never silently misses a change.
     */
    @Transactional
    public Optional<Report> apply(JsonNode scoreUpdate) {
        String frameworkId = scoreUpdate.get("frameworkId").asText();
        String period = scoreUpdate.get("period").asText();
        long version = scoreUpdate.get("version").asLong();
        Report report = Report.find(frameworkId, period);
        long current = report == null ? 0 : report.version;
        if (version <= current) {
            metrics.counter("reporting.updates.duplicate").increment();
            return version == current ? Optional.of(report) : Optional.empty();
        }
        if (version != current + 1) {
            metrics.counter("reporting.updates.gap").increment();
            Log.warnf("Version gap for %s/%s: have %d, received %d", frameworkId, period, current, version);
            return Optional.empty();
        }
        for (JsonNode change : scoreUpdate.get("changes")) {
            applyChange(frameworkId, period, change);
        }
        boolean isNew = report == null;
        if (isNew) {
            report = new Report();
            report.frameworkId = frameworkId;
            report.period = period;
        }
        report.version = version;
        report.generatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ReportRegion.flush();
        report.document = write(document(report));
        if (isNew) {
            report.persist();
        }
        return Optional.of(report);
    }

    private void applyChange(String frameworkId, String period, JsonNode change) {
        String region = change.get("region").asText();
        ReportRegion row = ReportRegion.findById(new ReportRegion.Id(frameworkId, period, region));
        boolean isNew = row == null;
        if (isNew) {
            row = new ReportRegion();
            row.frameworkId = frameworkId;
            row.period = period;
            row.region = region;
        }
        JsonNode next = change.get("new");
        if (row.rank != next.get("rank").asInt()) {
            row.previousRank = row.rank == 0 ? null : row.rank;
        }
        row.status = change.get("status").asText();
        row.score = next.get("score").isNull() ? null : next.get("score").asDouble();
        row.rank = next.get("rank").asInt();
        row.levels = write(next.get("levels"));
        if (isNew) {
            row.persist();
        }
    }

    private ObjectNode document(Report report) {
        ObjectNode document = json.createObjectNode();
        document.put("frameworkId", report.frameworkId);
        document.put("period", report.period);
        document.put("version", report.version);
        document.put("generatedAt", report.generatedAt.toString());
        document.set("names", json.valueToTree(names.framework(report.frameworkId)));
        ArrayNode ranking = document.putArray("ranking");
        ArrayNode insufficient = document.putArray("insufficientData");
        List<ReportRegion> regions = ReportRegion.of(report.frameworkId, report.period);
        regions.stream().filter(r -> r.rank > 0)
                .sorted(Comparator.comparingInt((ReportRegion r) -> r.rank).thenComparing(r -> r.region))
                .forEach(r -> {
                    ObjectNode entry = ranking.addObject();
                    entry.put("rank", r.rank);
                    entry.put("region", r.region);
                    entry.set("regionName", json.valueToTree(names.region(report.frameworkId, r.region)));
                    entry.put("score", r.score);
                    entry.set("levels", read(r.levels));
                    if (r.previousRank == null) {
                        entry.putNull("rankChange");
                    } else {
                        entry.put("rankChange", r.previousRank - r.rank);
                    }
                });
        regions.stream().filter(r -> r.rank == 0).map(r -> r.region).sorted().forEach(insufficient::add);
        return document;
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
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

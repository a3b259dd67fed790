package org.talentindex.reporting.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.reporting.catalogue.FrameworkNames;
import org.talentindex.reporting.catalogue.FrameworkOutline;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.repository.ReportRegion;

/**
 * What score-updates carry beyond the scores, kept on the report until replaced, and its tables in the report document:
 * the rank intervals of the latest sensitivity analysis, and the attribution of the latest version that had one.
 */
@ApplicationScoped
public class ReportAnalysis {

    /** Contributions listed one by one per region in latestChange; the others are summed as the rest. */
    static final int LISTED_CONTRIBUTIONS = 5;

    @Inject
    FrameworkNames names;

    @Inject
    ObjectMapper json;

    @Inject
    JsonColumns columns;

    /** Keeps the version's rank intervals, attribution and warnings, if it carries them. */
    void record(Report report, ScoreUpdate update) {
        if (update.sensitivity() != null) {
            recordSensitivity(report, update.sensitivity(), update.version());
        }
        if (update.warnings() != null) {
            recordWarnings(report, update.warnings());
        }
        if (update.hasAttribution()) {
            ObjectNode change = json.createObjectNode().put("version", update.version());
            change.set("cause", json.valueToTree(update.cause()));
            ObjectNode regions = change.putObject("regions");
            update.changes().stream().filter(c -> !c.attribution().isEmpty())
                    .forEach(c -> regions.set(c.region(), json.valueToTree(c.attribution())));
            report.latestChange = columns.write(change);
        }
    }

    void recordWarnings(Report report, List<String> warnings) {
        report.warnings = columns.write(json.valueToTree(warnings));
    }

    /** The evaluation's warnings as last received (empty when none). */
    ArrayNode warnings(Report report) {
        return report.warnings == null ? json.createArrayNode() : (ArrayNode) columns.read(report.warnings);
    }

    void recordSensitivity(Report report, JsonNode sensitivity, long version) {
        ObjectNode stored = sensitivity.deepCopy();
        stored.put("version", version);
        report.sensitivity = columns.write(stored);
    }

    /** The intervals of the ranked regions that have one, in ranking order. */
    Optional<ObjectNode> sensitivityTable(Report report, List<ReportRegion> ranking) {
        if (report.sensitivity == null) {
            return Optional.empty();
        }
        JsonNode stored = columns.read(report.sensitivity);
        ObjectNode table = json.createObjectNode();
        table.put("version", stored.path("version").asLong());
        table.put("runs", stored.path("runs").asInt());
        table.put("weightSpread", stored.path("weightSpread").asDouble());
        if (stored.has("normalisations")) {
            table.set("normalisations", stored.get("normalisations"));
        }
        if (stored.has("seed")) {
            table.put("seed", stored.get("seed").asLong());
        }
        ArrayNode regions = table.putArray("regions");
        JsonNode intervals = stored.path("intervals");
        for (ReportRegion region : ranking) {
            JsonNode interval = intervals.get(region.region);
            if (interval != null) {
                double p5 = interval.path("p5").asDouble();
                double p95 = interval.path("p95").asDouble();
                regions.addObject().put("region", region.region)
                        .putPOJO("regionName", names.region(report.frameworkId, region.region))
                        .put("nominalRank", interval.path("nominalRank").asInt())
                        .put("p5", p5).put("median", interval.path("median").asDouble()).put("p95", p95)
                        .put("width", round(p95 - p5));
            }
        }
        return Optional.of(table);
    }

    /** Per region of the latest attributed version: its score change and the contributions, largest first. */
    Optional<ObjectNode> latestChangeTable(Report report, FrameworkOutline outline) {
        if (report.latestChange == null) {
            return Optional.empty();
        }
        JsonNode stored = columns.read(report.latestChange);
        ObjectNode table = json.createObjectNode();
        table.put("version", stored.path("version").asLong());
        table.set("cause", stored.path("cause"));
        ArrayNode regions = table.putArray("regions");
        stored.path("regions").properties().stream()
                .map(region -> regionChange(report.frameworkId, outline, region))
                .sorted(Comparator.comparingDouble((ObjectNode r) -> -Math.abs(r.path("scoreChange").asDouble()))
                        .thenComparing(r -> r.path("region").asText()))
                .forEach(regions::add);
        return Optional.of(table);
    }

    private ObjectNode regionChange(String frameworkId, FrameworkOutline outline, Map.Entry<String, JsonNode> attribution) {
        List<Map.Entry<String, JsonNode>> contributions = attribution.getValue().properties().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, JsonNode> c) -> -Math.abs(c.getValue().asDouble()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        ObjectNode region = json.createObjectNode().put("region", attribution.getKey())
                .putPOJO("regionName", names.region(frameworkId, attribution.getKey()))
                .put("scoreChange", round(contributions.stream().mapToDouble(c -> c.getValue().asDouble()).sum()));
        ArrayNode listed = region.putArray("contributions");
        contributions.stream().limit(LISTED_CONTRIBUTIONS).forEach(c -> listed.addObject().put("indicator", c.getKey())
                .putPOJO("names", outline.indicatorName(c.getKey())).put("contribution", c.getValue().asDouble()));
        List<Map.Entry<String, JsonNode>> rest = contributions.stream().skip(LISTED_CONTRIBUTIONS).toList();
        if (!rest.isEmpty()) {
            region.putObject("rest").put("indicators", rest.size())
                    .put("contribution", round(rest.stream().mapToDouble(c -> c.getValue().asDouble()).sum()));
        }
        return region;
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}

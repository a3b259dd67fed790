package org.talentindex.reporting.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.reporting.catalogue.FrameworkNames;
import org.talentindex.reporting.catalogue.FrameworkOutline;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.repository.ReportRegion;
import org.talentindex.reporting.repository.ReportRegion.PeriodScore;

/**
 * Builds the report document of a framework-period (contracts/schemas/index-report.schema.json) from its regions' scores
 * and the analyses kept on the report.
 */
@ApplicationScoped
public class ReportDocument {

    @Inject
    FrameworkNames names;

    @Inject
    MethodTables methodTables;

    @Inject
    ReportAnalysis analysis;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "talentindex.reports.top-movers")
    int topMovers;

    private final Map<FrameworkNames.Name, String> regionNames = new ConcurrentHashMap<>();

    /** A ranked region with its movement against the previous version and the previous period. */
    record Entry(ReportRegion region, Integer rankChange, PeriodScore inPreviousPeriod) {

        Integer previousPeriodRank() {
            return inPreviousPeriod == null || !inPreviousPeriod.isRanked() ? null : inPreviousPeriod.rank();
        }

        Integer rankChangeVsPreviousPeriod() {
            return previousPeriodRank() == null ? null : previousPeriodRank() - region.rank;
        }

        Double scoreChangeVsPreviousPeriod() {
            return inPreviousPeriod == null || inPreviousPeriod.score() == null || region.score == null ? null
                    : Math.round((region.score - inPreviousPeriod.score()) * 1e6) / 1e6;
        }
    }

    /**
     * The document of a report from its regions, their level scores by region code and the regions of the previous
     * period that has any (empty when there is none), as JSON text.
     */
    public String write(Report report, List<ReportRegion> regions, Map<String, JsonNode> levelsByRegion, List<PeriodScore> previousScores) {
        FrameworkOutline outline = names.outline(report.frameworkId);
        Optional<String> previousPeriod = previousScores.stream().map(PeriodScore::period).findFirst();
        Map<String, PeriodScore> previous = new HashMap<>();
        previousScores.forEach(score -> previous.put(score.region(), score));
        Function<ReportRegion, JsonNode> levels = r -> levelsByRegion.get(r.region);

        List<Entry> ranking = regions.stream().filter(ReportRegion::isRanked)
                .sorted(Comparator.comparingInt((ReportRegion r) -> r.rank).thenComparing(r -> r.region))
                .map(r -> new Entry(r, rankChangeVsPreviousVersion(r, report.version), previous.get(r.region))).toList();
        List<ReportRegion> insufficient = regions.stream().filter(r -> !r.isRanked()).sorted(Comparator.comparing(r -> r.region)).toList();

        StringWriter text = new StringWriter(1024 + 256 * regions.size());
        try (JsonGenerator out = json.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("frameworkId", report.frameworkId);
            out.writeStringField("period", report.period);
            out.writeNumberField("version", report.version);
            out.writeStringField("generatedAt", report.generatedAt.toString());
            out.writePOJOField("names", outline.names());
            out.writeStringField("method", outline.method());
            out.writeStringField("previousPeriod", previousPeriod.orElse(null));
            out.writeFieldName("warnings");
            out.writeTree(analysis.warnings(report));
            out.writeFieldName("levelNames");
            out.writeTree(levelNames(outline, regions, levels));
            out.writeArrayFieldStart("ranking");
            for (Entry entry : ranking) {
                writeRankingEntry(out, report.frameworkId, entry, levels.apply(entry.region()));
            }
            out.writeEndArray();
            out.writeArrayFieldStart("insufficientData");
            for (ReportRegion region : insufficient) {
                out.writeString(region.region);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("insufficientDataRegions");
            for (ReportRegion region : insufficient) {
                out.writeStartObject();
                out.writeStringField("region", region.region);
                out.writePOJOField("regionName", names.region(report.frameworkId, region.region));
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeFieldName("topMovers");
            out.writeTree(topMovers(report.frameworkId, ranking, previousPeriod.isPresent()));
            writeIfPresent(out, "methodTables", methodTables.build(outline, regions, levels));
            writeIfPresent(out, "sensitivity", analysis.sensitivityTable(report, ranking.stream().map(Entry::region).toList()));
            writeIfPresent(out, "latestChange", analysis.latestChangeTable(report, outline));
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeIfPresent(JsonGenerator out, String field, Optional<ObjectNode> table) throws IOException {
        if (table.isPresent()) {
            out.writeFieldName(field);
            out.writeTree(table.get());
        }
    }

    /** Zero for a region this version did not change; null for a region that had no rank before. */
    private static Integer rankChangeVsPreviousVersion(ReportRegion region, long version) {
        if (region.changedVersion == null || region.changedVersion != version) {
            return 0;
        }
        return region.previousRank == null ? null : region.previousRank - region.rank;
    }

    /**
     * The level scores are written from the row's stored text when it has one (it is current: the batch's changed rows
     * are written before their documents), the region's name from its JSON kept once per name.
     */
    private void writeRankingEntry(JsonGenerator out, String frameworkId, Entry entry, JsonNode levels) throws IOException {
        ReportRegion r = entry.region();
        out.writeStartObject();
        out.writeNumberField("rank", r.rank);
        out.writeStringField("region", r.region);
        out.writeFieldName("regionName");
        out.writeRawValue(regionNames.computeIfAbsent(names.region(frameworkId, r.region), this::toJson));
        writeNumberOrNull(out, "score", r.score);
        out.writeFieldName("levels");
        if (r.levels != null) {
            out.writeRawValue(r.levels);
        } else {
            out.writeTree(levels);
        }
        writeNumberOrNull(out, "rankChange", entry.rankChange());
        writeNumberOrNull(out, "previousPeriodRank", entry.previousPeriodRank());
        writeNumberOrNull(out, "rankChangeVsPreviousPeriod", entry.rankChangeVsPreviousPeriod());
        writeNumberOrNull(out, "scoreChangeVsPreviousPeriod", entry.scoreChangeVsPreviousPeriod());
        out.writeEndObject();
    }

    private String toJson(FrameworkNames.Name name) {
        try {
            return json.writeValueAsString(name);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeNumberOrNull(JsonGenerator out, String field, Number value) throws IOException {
        out.writeFieldName(field);
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Integer integer) {
            out.writeNumber(integer);
        } else {
            out.writeNumber(value.doubleValue());
        }
    }

    /** The levels defined by the framework, then any level the scores carry that the definition does not name. */
    private ArrayNode levelNames(FrameworkOutline outline, List<ReportRegion> regions, Function<ReportRegion, JsonNode> levelsOf) {
        ArrayNode levels = json.createArrayNode();
        Set<String> named = new HashSet<>();
        outline.levels().forEach(level -> {
            named.add(level.code());
            levels.add(json.valueToTree(level));
        });
        Set<String> carried = new TreeSet<>();
        regions.forEach(r -> levelsOf.apply(r).fieldNames().forEachRemaining(carried::add));
        carried.stream().filter(code -> !named.contains(code)).forEach(code -> levels.addObject().put("code", code).putNull("parent").put("depth", 1)
                        .set("names", json.valueToTree(outline.levelName(code))));
        return levels;
    }

    private ObjectNode topMovers(String frameworkId, List<Entry> ranking, boolean hasPreviousPeriod) {
        ObjectNode movers = json.createObjectNode();
        movers.put("basis", hasPreviousPeriod ? "previousPeriod" : "previousVersion");
        Function<Entry, Integer> change = hasPreviousPeriod ? Entry::rankChangeVsPreviousPeriod : Entry::rankChange;
        List<Entry> moved = ranking.stream().filter(e -> change.apply(e) != null && change.apply(e) != 0).toList();
        ArrayNode rising = movers.putArray("rising");
        moved.stream().filter(e -> change.apply(e) > 0).sorted(Comparator.comparing(change).reversed()).limit(topMovers)
                .forEach(e -> rising.add(mover(frameworkId, e, change.apply(e))));
        ArrayNode falling = movers.putArray("falling");
        moved.stream().filter(e -> change.apply(e) < 0).sorted(Comparator.comparing(change)).limit(topMovers)
                .forEach(e -> falling.add(mover(frameworkId, e, change.apply(e))));
        return movers;
    }

    private ObjectNode mover(String frameworkId, Entry entry, int rankChange) {
        ObjectNode node = json.createObjectNode();
        node.put("region", entry.region().region);
        node.putPOJO("regionName", names.region(frameworkId, entry.region().region));
        node.put("rank", entry.region().rank);
        node.put("rankChange", rankChange);
        node.put("scoreChange", entry.scoreChangeVsPreviousPeriod());
        return node;
    }
}

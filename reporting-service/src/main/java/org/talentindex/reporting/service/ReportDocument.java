package org.talentindex.reporting.service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

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

    /** The document of a report from its regions and their level scores by region code. */
    public ObjectNode build(Report report, List<ReportRegion> regions, Map<String, JsonNode> levelsByRegion) {
        FrameworkOutline outline = names.outline(report.frameworkId);
        List<PeriodScore> previousScores = ReportRegion.ofPeriodBefore(report.frameworkId, report.period);
        Optional<String> previousPeriod = previousScores.stream().map(PeriodScore::period).findFirst();
        Map<String, PeriodScore> previous = new HashMap<>();
        previousScores.forEach(score -> previous.put(score.region(), score));
        Function<ReportRegion, JsonNode> levels = r -> levelsByRegion.get(r.region);

        List<Entry> ranking = regions.stream().filter(ReportRegion::isRanked)
                .sorted(Comparator.comparingInt((ReportRegion r) -> r.rank).thenComparing(r -> r.region))
                .map(r -> new Entry(r, rankChangeVsPreviousVersion(r, report.version), previous.get(r.region))).toList();

        ObjectNode document = json.createObjectNode();
        document.put("frameworkId", report.frameworkId);
        document.put("period", report.period);
        document.put("version", report.version);
        document.put("generatedAt", report.generatedAt.toString());
        document.set("names", json.valueToTree(outline.names()));
        document.put("method", outline.method());
        document.put("previousPeriod", previousPeriod.orElse(null));
        document.set("levelNames", levelNames(outline, regions, levels));
        ArrayNode rankingNode = document.putArray("ranking");
        ranking.forEach(entry -> rankingNode.add(rankingEntry(report.frameworkId, entry, levels.apply(entry.region()))));
        ArrayNode insufficient = document.putArray("insufficientData");
        ArrayNode insufficientRegions = document.putArray("insufficientDataRegions");
        regions.stream().filter(r -> !r.isRanked()).sorted(Comparator.comparing(r -> r.region)).forEach(r -> {
            insufficient.add(r.region);
            insufficientRegions.addObject().put("region", r.region)
                    .putPOJO("regionName", names.region(report.frameworkId, r.region));
        });
        document.set("topMovers", topMovers(report.frameworkId, ranking, previousPeriod.isPresent()));
        methodTables.build(outline, regions, levels).ifPresent(tables -> document.set("methodTables", tables));
        analysis.sensitivityTable(report, ranking.stream().map(Entry::region).toList())
                .ifPresent(table -> document.set("sensitivity", table));
        analysis.latestChangeTable(report, outline).ifPresent(table -> document.set("latestChange", table));
        return document;
    }

    /** Zero for a region this version did not change; null for a region that had no rank before. */
    private static Integer rankChangeVsPreviousVersion(ReportRegion region, long version) {
        if (region.changedVersion == null || region.changedVersion != version) {
            return 0;
        }
        return region.previousRank == null ? null : region.previousRank - region.rank;
    }

    private ObjectNode rankingEntry(String frameworkId, Entry entry, JsonNode levels) {
        ReportRegion r = entry.region();
        ObjectNode node = json.createObjectNode();
        node.put("rank", r.rank);
        node.put("region", r.region);
        node.putPOJO("regionName", names.region(frameworkId, r.region));
        node.put("score", r.score);
        node.set("levels", levels);
        node.put("rankChange", entry.rankChange());
        node.put("previousPeriodRank", entry.previousPeriodRank());
        node.put("rankChangeVsPreviousPeriod", entry.rankChangeVsPreviousPeriod());
        node.put("scoreChangeVsPreviousPeriod", entry.scoreChangeVsPreviousPeriod());
        return node;
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

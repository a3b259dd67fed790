package org.talentindex.reporting.resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.talentindex.reporting.catalogue.FrameworkNames;
import org.talentindex.reporting.catalogue.FrameworkNames.Name;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.repository.ReportRegion;

@Path("/api/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Frameworks", description = "Frameworks, their reported periods, a region across periods, two periods side by side")
public class FrameworkResource {

    public record PeriodSummary(String period, long version, String generatedAt) {
    }

    public record FrameworkSummary(String id, Name names, String method, List<PeriodSummary> periods) {
    }

    public record RegionScores(String period, String status, Double score, Integer rank, JsonNode levels) {
    }

    public record RegionHistory(String frameworkId, String region, Name regionName, List<RegionScores> periods, RegionTrend trend) {
    }

    public record RegionComparison(String region, Name regionName, RegionScores from, RegionScores to, Integer rankChange,
                                   Double scoreChange) {
    }

    public record PeriodComparison(String frameworkId, String from, String to, List<RegionComparison> regions) {
    }

    @Inject
    FrameworkNames names;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Every framework, with the periods that have a report and their versions")
    @APIResponse(responseCode = "200", description = "The frameworks")
    public List<FrameworkSummary> frameworks() {
        Map<String, List<PeriodSummary>> periods = new HashMap<>();
        Report.summaries().forEach(r -> periods.computeIfAbsent(r.frameworkId(), id -> new ArrayList<>())
                .add(new PeriodSummary(r.period(), r.version(), r.generatedAt().toString())));
        Set<String> ids = new TreeSet<>(names.frameworkIds());
        ids.addAll(periods.keySet());
        return ids.stream().map(id -> new FrameworkSummary(id, names.framework(id), names.outline(id).method(),
                periods.getOrDefault(id, List.of()))).toList();
    }

    @GET
    @Path("/{frameworkId}/regions/{region}/history")
    @Operation(summary = "A region's current scores, rank and level scores in every reported period of a framework, and its trend: "
            + "changes of score, rank and level scores in its last ranked period since the one before and since the first")
    @APIResponse(responseCode = "404", description = "The framework has no scores for this region")
    @APIResponse(responseCode = "200", description = "The region's history")
    public RegionHistory history(@PathParam("frameworkId") String frameworkId, @PathParam("region") String region) {
        List<RegionScores> periods = ReportRegion.history(frameworkId, region).stream().map(this::scores).toList();
        if (periods.isEmpty()) {
            throw new NotFoundException("No scores for region " + region + " in " + frameworkId);
        }
        return new RegionHistory(frameworkId, region, names.region(frameworkId, region), periods, RegionTrend.of(periods));
    }

    @GET
    @Path("/{frameworkId}/compare")
    @Operation(summary = "Two periods side by side: every region's scores in each, rank change (from's rank minus to's) and score change")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "from or to missing")
    public PeriodComparison compare(@PathParam("frameworkId") String frameworkId,
                                    @Parameter(description = "the earlier period, e.g. 2022") @QueryParam("from") String from,
                                    @Parameter(description = "the later period, e.g. 2023") @QueryParam("to") String to) {
        if (from == null || to == null) {
            throw new BadRequestException("Both from and to are required");
        }
        Map<String, ReportRegion> before = byRegion(ReportRegion.of(frameworkId, from));
        Map<String, ReportRegion> after = byRegion(ReportRegion.of(frameworkId, to));
        Set<String> regions = new TreeSet<>(before.keySet());
        regions.addAll(after.keySet());
        List<RegionComparison> rows = regions.stream().map(region -> comparison(frameworkId, region, before.get(region), after.get(region)))
                .sorted(Comparator.comparing((RegionComparison c) -> c.to() == null || c.to().rank() == null ? Integer.MAX_VALUE : c.to().rank())
                        .thenComparing(RegionComparison::region))
                .toList();
        return new PeriodComparison(frameworkId, from, to, rows);
    }

    private RegionComparison comparison(String frameworkId, String region, ReportRegion before, ReportRegion after) {
        RegionScores from = before == null ? null : scores(before);
        RegionScores to = after == null ? null : scores(after);
        Integer rankChange = from == null || to == null || from.rank() == null || to.rank() == null ? null : from.rank() - to.rank();
        Double scoreChange = from == null || to == null || from.score() == null || to.score() == null ? null
                : Math.round((to.score() - from.score()) * 1e6) / 1e6;
        return new RegionComparison(region, names.region(frameworkId, region), from, to, rankChange, scoreChange);
    }

    private RegionScores scores(ReportRegion row) {
        try {
            return new RegionScores(row.period, row.status, row.score, row.isRanked() ? row.rank : null, json.readTree(row.levels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, ReportRegion> byRegion(List<ReportRegion> rows) {
        Map<String, ReportRegion> map = new HashMap<>();
        rows.forEach(r -> map.put(r.region, r));
        return map;
    }
}

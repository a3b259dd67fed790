package org.talentindex.scoring.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.talentindex.framework.Framework;
import org.talentindex.scoring.framework.FrameworkRegistry;
import org.talentindex.scoring.state.ConsumerOffset;
import org.talentindex.scoring.state.FrameworkPeriod;
import org.talentindex.scoring.state.FrameworkPeriodKey;
import org.talentindex.scoring.state.RegionScore;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ScoresResource {

    public record FrameworkSummary(String id, String nameZh, String nameEn, String method, int indicators, int regions) {
    }

    /** {@code warnings}: the evaluation's warnings as last published (empty when none). */
    public record PublishedScores(String frameworkId, String period, long version, List<RegionScore> regions, JsonNode sensitivity,
                                  List<String> warnings) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    FrameworkRegistry frameworks;

    @Inject
    FrameworkPeriodParameters parameters;

    @GET
    @Path("/frameworks")
    @Operation(summary = "The frameworks this service scores")
    @APIResponse(responseCode = "200", description = "The frameworks")
    public List<FrameworkSummary> frameworks() {
        return frameworks.all().stream().map(ScoresResource::summary).toList();
    }

    @GET
    @Path("/scores/{frameworkId}/{period}")
    @Operation(summary = "The published scores of a framework-period with their version; 400 for a period that is not four digits, "
            + "404 for a framework this service does not score or a framework-period without scores")
    @APIResponse(responseCode = "200", description = "The scores")
    @APIResponse(responseCode = "400", description = "reason INVALID_PERIOD: the period is not four digits")
    @APIResponse(responseCode = "404", description = "A framework this service does not score, or no scores yet")
    public PublishedScores scores(@PathParam("frameworkId") String frameworkId, @PathParam("period") String period) {
        FrameworkPeriodKey key = parameters.validated(frameworkId, period);
        FrameworkPeriod version = FrameworkPeriod.find(key);
        if (version == null) {
            throw new NotFoundException("No scores for " + key);
        }
        return new PublishedScores(frameworkId, period, version.version, RegionScore.of(key), sensitivity(version),
                version.publishedWarnings(json));
    }

    @GET
    @Path("/positions")
    @Operation(summary = "Where consumption of each partition of indicator-updates resumes (stored with the scores)")
    @APIResponse(responseCode = "200", description = "Next offset per partition")
    public Map<String, Long> positions() {
        Map<String, Long> positions = new java.util.TreeMap<>();
        ConsumerOffset.<ConsumerOffset>listAll().forEach(o -> positions.put(o.topic + "-" + o.partition, o.nextOffset));
        return positions;
    }

    private JsonNode sensitivity(FrameworkPeriod version) {
        try {
            return version.sensitivity == null ? null : json.readTree(version.sensitivity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored rank intervals of " + version.frameworkId + "/" + version.period, e);
        }
    }

    private static FrameworkSummary summary(Framework framework) {
        return new FrameworkSummary(framework.id(), framework.names().zh(), framework.names().en(), framework.method(),
                framework.indicators().size(), framework.regions().size());
    }
}

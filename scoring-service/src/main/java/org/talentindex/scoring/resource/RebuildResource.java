package org.talentindex.scoring.resource;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.talentindex.scoring.service.ScoringService;
import org.talentindex.scoring.state.FrameworkPeriodKey;

@Path("/api/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    public record RebuildResult(String frameworkId, String period, boolean published) {
    }

    @Inject
    ScoringService scoring;

    @POST
    @Path("/{frameworkId}/{period}")
    @Operation(summary = "Re-evaluate a framework-period from its stored values; publishes one new version if anything differs")
    public RebuildResult rebuild(@PathParam("frameworkId") String frameworkId, @PathParam("period") String period) {
        return rebuild(new FrameworkPeriodKey(frameworkId, period));
    }

    @POST
    @Operation(summary = "Re-evaluate every framework-period that has stored values")
    public List<RebuildResult> rebuildAll() {
        return scoring.storedKeys().stream().map(this::rebuild).toList();
    }

    private RebuildResult rebuild(FrameworkPeriodKey key) {
        try {
            return new RebuildResult(key.frameworkId(), key.period(), scoring.rebuild(key));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}

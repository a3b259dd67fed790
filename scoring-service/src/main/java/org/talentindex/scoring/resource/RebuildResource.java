package org.talentindex.scoring.resource;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.talentindex.security.ApiKeyAuthenticationMechanism;
import org.talentindex.scoring.service.ScoringService;
import org.talentindex.scoring.state.FrameworkPeriodKey;
import org.talentindex.security.Roles;

@Path("/api/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@SecurityRequirement(name = ApiKeyAuthenticationMechanism.OPENAPI_SCHEME)
@APIResponse(responseCode = "401", description = "No X-API-Key, or an unknown one")
@APIResponse(responseCode = "403", description = "The client lacks the role; reason CROSS_SITE_REQUEST: another site's Origin or Sec-Fetch-Site")
@APIResponse(responseCode = "429", description = "Retry-After; reason RATE_LIMITED, or no body after too many wrong keys from the address")
public class RebuildResource {

    public record RebuildResult(String frameworkId, String period, boolean published) {
    }

    @Inject
    ScoringService scoring;

    @Inject
    FrameworkPeriodParameters parameters;

    @POST
    @Path("/{frameworkId}/{period}")
    @Operation(summary = "Re-evaluate a framework-period from its stored values; publishes one new version if anything differs. "
            + "400 for a period that is not four digits, 404 for a framework this service does not score")
    @APIResponse(responseCode = "200", description = "Whether a new version was published")
    @APIResponse(responseCode = "400", description = "reason INVALID_PERIOD: the period is not four digits")
    @APIResponse(responseCode = "404", description = "reason UNKNOWN_FRAMEWORK: a framework this service does not score")
    public RebuildResult rebuild(@PathParam("frameworkId") String frameworkId, @PathParam("period") String period) {
        return rebuild(parameters.validated(frameworkId, period));
    }

    @POST
    @Operation(summary = "Re-evaluate every framework-period that has stored values")
    @APIResponse(responseCode = "200", description = "One result per framework-period")
    public List<RebuildResult> rebuildAll() {
        return scoring.storedKeys().stream().map(this::rebuild).toList();
    }

    private RebuildResult rebuild(FrameworkPeriodKey key) {
        return new RebuildResult(key.frameworkId(), key.period(), scoring.rebuild(key));
    }
}

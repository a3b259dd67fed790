package org.talentindex.reporting.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** scoring-service's read API: the full published state of a framework-period, used to resync after a version gap. */
@RegisterRestClient(configKey = "scoring")
@Path("/api/scores")
@Produces(MediaType.APPLICATION_JSON)
public interface ScoringClient {

    @GET
    @Path("/{frameworkId}/{period}")
    PublishedScores scores(@PathParam("frameworkId") String frameworkId, @PathParam("period") String period);
}

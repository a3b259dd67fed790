package org.talentindex.scoring.resource;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.talentindex.scoring.framework.FrameworkRegistry;
import org.talentindex.scoring.state.FrameworkPeriodKey;

/**
 * Checks a framework-period named in a path before anything is read or published: the period must be one as the
 * contracts have it (400 otherwise), the framework one this service scores (404 otherwise).
 */
@ApplicationScoped
public class FrameworkPeriodParameters {

    @Inject
    FrameworkRegistry frameworks;

    public FrameworkPeriodKey validated(String frameworkId, String period) {
        if (!FrameworkPeriodKey.PERIOD.matcher(period).matches()) {
            throw refusal(Response.Status.BAD_REQUEST, "INVALID_PERIOD", "a period is four digits (a calendar year), not '" + period + "'");
        }
        if (frameworks.find(frameworkId).isEmpty()) {
            throw refusal(Response.Status.NOT_FOUND, "UNKNOWN_FRAMEWORK", "this service scores no framework '" + frameworkId + "'");
        }
        return new FrameworkPeriodKey(frameworkId, period);
    }

    private static WebApplicationException refusal(Response.Status status, String reason, String message) {
        return new WebApplicationException(message, Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("reason", reason, "message", message)).build());
    }
}

package org.talentindex.scoring.whatif;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** Why a row of a what-if request cannot be evaluated; row 0 is the request as a whole. */
public record WhatIfProblem(long row, String reason, String message) {

    static WhatIfProblem ofRequest(String reason, String message) {
        return new WhatIfProblem(0, reason, message);
    }

    /** The answer listing the problems: {@code {"problems": [...]}}. */
    static Response.ResponseBuilder answer(Response.Status status, List<WhatIfProblem> problems) {
        return Response.status(status).type("application/json").entity(Map.of("problems", problems));
    }

    static Response bodyTooLarge(long limit) {
        return answer(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                List.of(ofRequest("BODY_TOO_LARGE", "the request body exceeds " + limit + " bytes"))).build();
    }
}

package org.talentindex.scoring.whatif;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.talentindex.security.ApiKeyAuthenticationMechanism;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.talentindex.security.Roles;

/**
 * What-if evaluations. Each takes a permit before its body is read and keeps it until its answer is built, and its body
 * is read through a size limit, so that a flood of large requests cannot take more memory than the permits allow.
 */
@Path("/api/what-if")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
@SecurityRequirement(name = ApiKeyAuthenticationMechanism.OPENAPI_SCHEME)
@APIResponse(responseCode = "401", description = "No X-API-Key, or an unknown one")
@APIResponse(responseCode = "403", description = "The client lacks the role; reason CROSS_SITE_REQUEST: another site's Origin or Sec-Fetch-Site")
@APIResponse(responseCode = "429", description = "Retry-After; reason RATE_LIMITED, or no body after too many wrong keys from the address")
@APIResponse(responseCode = "200", description = "The scores, ranks and level scores the values would give")
@APIResponse(responseCode = "400", description = "Every offending row or field with its reason (MALFORMED_JSON, MALFORMED_CSV, MISSING_BODY, ...)")
@APIResponse(responseCode = "413", description = "The body exceeds talentindex.what-if.max-body-size")
@APIResponse(responseCode = "415", description = "Content-Type other than application/json or text/csv")
@APIResponse(responseCode = "503", description = "Retry-After; reason BUSY: talentindex.what-if.max-concurrent evaluations run")
@Blocking
public class WhatIfResource {

    private static final CsvMapper CSV = new CsvMapper();

    @Inject
    WhatIfService whatIf;

    @Inject
    EvaluationPermits permits;

    @Inject
    WhatIfConfig config;

    @Inject
    ObjectMapper json;

    private ObjectReader requestReader;

    @PostConstruct
    void createReader() {
        requestReader = json.readerFor(WhatIfRequest.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate values against a framework (id or inline YAML definition); nothing is stored or published. "
            + "400 lists every offending row; 413 above talentindex.what-if.max-body-size (2 MB), 503 with Retry-After while "
            + "talentindex.what-if.max-concurrent (2) evaluations run; at most talentindex.what-if.max-cells cells (500,000)")
    public Response evaluate(InputStream body) throws WhatIfService.InvalidRequest {
        return permits.withPermit(() -> answer(readJson(limited(body))));
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Evaluate a CSV table region,indicator,value (a period column is ignored) against the framework named in "
            + "?framework=, as of ?period= when given (the stored earlier periods take part, ranks are compared with the previous one)")
    public Response evaluateCsv(@QueryParam("framework") String framework, @QueryParam("period") String period, InputStream body)
            throws WhatIfService.InvalidRequest {
        return permits.withPermit(() -> answer(new WhatIfRequest(framework, null, period, readCsv(limited(body)))));
    }

    @ServerExceptionMapper
    Response invalid(WhatIfService.InvalidRequest e) {
        return WhatIfProblem.answer(Response.Status.BAD_REQUEST, e.problems).build();
    }

    @ServerExceptionMapper
    Response busy(EvaluationPermits.Busy e) {
        return WhatIfProblem.answer(Response.Status.SERVICE_UNAVAILABLE, List.of(WhatIfProblem.ofRequest("BUSY", e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, config.retryAfter().toSeconds())).build();
    }

    private Response answer(WhatIfRequest request) throws WhatIfService.InvalidRequest {
        return Response.ok(whatIf.evaluate(request)).build();
    }

    private SizeLimitedInputStream limited(InputStream body) {
        return new SizeLimitedInputStream(body, config.maxBodySize().asLongValue());
    }

    private WhatIfRequest readJson(SizeLimitedInputStream body) throws WhatIfService.InvalidRequest {
        WhatIfRequest request;
        try (JsonParser parser = json.createParser(body)) {
            request = parser.nextToken() == null ? null : requestReader.readValue(parser);
        } catch (IOException | RuntimeException e) {
            refuseIfTooLarge(body);
            String message = e instanceof JsonProcessingException parsing ? parsing.getOriginalMessage() : e.getMessage();
            throw new WhatIfService.InvalidRequest(List.of(WhatIfProblem.ofRequest("MALFORMED_JSON", String.valueOf(message))));
        }
        if (request == null) {
            throw new WhatIfService.InvalidRequest(List.of(WhatIfProblem.ofRequest("MISSING_BODY", "a JSON body is required")));
        }
        return request;
    }

    private List<WhatIfRequest.Cell> readCsv(SizeLimitedInputStream body) throws WhatIfService.InvalidRequest {
        List<WhatIfRequest.Cell> cells = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withComments()).readValues(body)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                cells.add(new WhatIfRequest.Cell(row.get("region"), row.get("indicator"), number(row.get("value"))));
            }
        } catch (IOException | RuntimeException e) {
            refuseIfTooLarge(body);
            throw new WhatIfService.InvalidRequest(List.of(WhatIfProblem.ofRequest("MALFORMED_CSV", String.valueOf(e.getMessage()))));
        }
        return cells;
    }

    private static void refuseIfTooLarge(SizeLimitedInputStream body) {
        if (body.exceeded()) {
            throw new WebApplicationException(WhatIfProblem.bodyTooLarge(body.limit()));
        }
    }

    private static Double number(String text) {
        try {
            return text == null ? null : Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

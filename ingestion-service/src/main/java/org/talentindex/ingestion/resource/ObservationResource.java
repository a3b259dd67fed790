package org.talentindex.ingestion.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.talentindex.ingestion.catalogue.Catalogue;
import org.talentindex.ingestion.messaging.ForwardingException;
import org.talentindex.ingestion.repository.Observation;
import org.talentindex.ingestion.repository.ObservationRepository;
import org.talentindex.ingestion.security.Roles;
import org.talentindex.ingestion.service.BulkUpload;
import org.talentindex.ingestion.service.BulkUpload.Row;
import org.talentindex.ingestion.service.UploadSummary;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.RejectionReason;

@Path("/api/observations")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    @Inject
    BulkUpload bulkUpload;

    @Inject
    ObservationRepository repository;

    @Inject
    Catalogue catalogue;

    @Inject
    ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UPLOADER)
    @Operation(summary = "Upload observations as a JSON array (or one object); answers with a summary and every refused row")
    public Response uploadJson(InputStream body) throws IOException {
        BulkUpload.Session session = bulkUpload.start(sender());
        long number = 0;
        try (JsonParser parser = json.getFactory().createParser(body)) {
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (JsonProcessingException e) {
                return badRequest(jsonReason(e), e.getOriginalMessage());
            }
            if (first == JsonToken.START_OBJECT) {
                JsonNode observation;
                try {
                    observation = json.readTree(parser);
                    if (parser.nextToken() != null) {
                        return badRequest(RejectionReason.MALFORMED_JSON, "Trailing content after the observation");
                    }
                } catch (JsonProcessingException e) {
                    return badRequest(jsonReason(e), e.getOriginalMessage());
                }
                session.add(new Row(++number, observation, null));
            } else if (first == JsonToken.START_ARRAY) {
                while (session.withinRowLimit(number + 1) && parser.nextToken() != JsonToken.END_ARRAY) {
                    number++;
                    session.add(new Row(number, json.readTree(parser), null));
                }
            } else {
                return badRequest(RejectionReason.MALFORMED_JSON, "Expected a JSON array of observations");
            }
            return answer(session.finish());
        } catch (JsonProcessingException e) {
            return answerAfterBrokenJson(session, number + 1, e);
        } catch (ForwardingException e) {
            return unavailable(e);
        }
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.UPLOADER)
    @Operation(summary = "Upload observations as CSV: a long table (region,indicator,period,value,unit,source[,observationId]) "
            + "or a wide table (region,period[,source],<indicator>[unit]...); Chinese header names are understood")
    public Response uploadCsv(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                              @QueryParam("unit") List<String> units, @QueryParam("source") String source) throws IOException {
        Charset charset;
        try {
            String declared = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
            charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return badRequest(RejectionReason.BAD_ENCODING, "Unknown charset: " + e.getMessage());
        }
        BulkUpload.Session session = bulkUpload.start(sender());
        try (Reader reader = new InputStreamReader(body, charset)) {
            new CsvUpload(catalogue, json, unitsByIndicator(units), source).read(reader, session);
            return answer(session.finish());
        } catch (ForwardingException e) {
            return unavailable(e);
        }
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Every revision of one cell (region, indicator, period), oldest first, with who sent it")
    public List<Observation> history(@QueryParam("region") String region, @QueryParam("indicator") String indicator,
                                     @QueryParam("period") String period) {
        return repository.history(region, indicator, period);
    }

    private String sender() {
        return "rest:" + identity.getPrincipal().getName();
    }

    /** {@code ?unit=high_skill_talent:万人&unit=...}: the unit of an indicator column whose header gives none. */
    private static Map<String, String> unitsByIndicator(List<String> units) {
        Map<String, String> byIndicator = new HashMap<>();
        for (String entry : units == null ? List.<String>of() : units) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                byIndicator.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
            }
        }
        return byIndicator;
    }

    /** The document broke off: what was read so far is kept, the broken element is reported, the rest is not read. */
    private Response answerAfterBrokenJson(BulkUpload.Session session, long row, JsonProcessingException e) {
        try {
            session.add(new Row(row, null, new Rejection(jsonReason(e), "JSON broken here, the rest was not read: " + e.getOriginalMessage())));
            return answer(session.finish());
        } catch (ForwardingException forwarding) {
            return unavailable(forwarding);
        }
    }

    private static RejectionReason jsonReason(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        return message.contains("Invalid UTF-8") || message.contains("Invalid UTF-32") ? RejectionReason.BAD_ENCODING : RejectionReason.MALFORMED_JSON;
    }

    private static Response answer(UploadSummary summary) {
        int status = summary.truncated ? 413 : summary.rejected == 0 ? 200 : 422;
        return Response.status(status).entity(summary).build();
    }

    private static Response badRequest(RejectionReason reason, String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("reason", reason.name(), "message", message)).build();
    }

    private static Response unavailable(ForwardingException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", 10)
                .entity(Map.of("reason", "KAFKA_UNAVAILABLE", "message", e.getMessage())).build();
    }
}

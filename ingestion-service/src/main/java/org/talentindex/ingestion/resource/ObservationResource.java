package org.talentindex.ingestion.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.talentindex.ingestion.catalogue.Catalogue;
import org.talentindex.ingestion.messaging.ForwardingException;
import org.talentindex.ingestion.repository.Observation;
import org.talentindex.ingestion.repository.ObservationRepository;
import org.talentindex.ingestion.service.BulkUpload;
import org.talentindex.ingestion.service.BulkUpload.Row;
import org.talentindex.ingestion.service.StorageUnavailableException;
import org.talentindex.ingestion.service.UploadSummary;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.RejectionReason;
import org.talentindex.ingestion.validation.Utf8Text;
import org.talentindex.security.ApiKeyAuthenticationMechanism;
import org.talentindex.security.Roles;

@Path("/api/observations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeyAuthenticationMechanism.OPENAPI_SCHEME)
@APIResponse(responseCode = "401", description = "No X-API-Key, or an unknown one")
@APIResponse(responseCode = "403", description = "The client lacks the role; reason CROSS_SITE_REQUEST: another site's Origin or Sec-Fetch-Site")
@APIResponse(responseCode = "429", description = "Retry-After; reason RATE_LIMITED, TOO_MANY_UPLOADS, or no body after too many wrong keys from the address")
public class ObservationResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int RETRY_AFTER_SECONDS = 10;

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

    @Inject
    UploadSlots uploadSlots;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UPLOADER)
    @Operation(summary = "Upload observations as a JSON array (or one object); answers with a summary and every refused row")
    @APIResponse(responseCode = "200", description = UploadAnswers.OK)
    @APIResponse(responseCode = "400", description = UploadAnswers.BAD_REQUEST)
    @APIResponse(responseCode = "413", description = UploadAnswers.TOO_LARGE)
    @APIResponse(responseCode = "415", description = UploadAnswers.UNSUPPORTED_TYPE)
    @APIResponse(responseCode = "422", description = UploadAnswers.SOME_REFUSED)
    @APIResponse(responseCode = "503", description = UploadAnswers.RETRY_LATER)
    public Response uploadJson(InputStream body) throws IOException {
        return withUploadSlot(() -> readJson(body));
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, XLSX})
    @RolesAllowed(Roles.UPLOADER)
    @Operation(summary = "Upload observations as a table in CSV or in an Excel workbook (.xlsx: the first sheet, or the one named "
            + "in ?sheet=): a long table (region,indicator,period,value,unit,source[,observationId]) or a wide table "
            + "(region,period[,source],<indicator>[unit]...); Chinese header names are understood")
    @APIResponse(responseCode = "200", description = UploadAnswers.OK)
    @APIResponse(responseCode = "400", description = UploadAnswers.BAD_REQUEST)
    @APIResponse(responseCode = "413", description = UploadAnswers.TOO_LARGE)
    @APIResponse(responseCode = "415", description = UploadAnswers.UNSUPPORTED_TYPE)
    @APIResponse(responseCode = "422", description = UploadAnswers.SOME_REFUSED)
    @APIResponse(responseCode = "503", description = UploadAnswers.RETRY_LATER)
    public Response uploadTable(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                                @QueryParam("unit") List<String> units, @QueryParam("source") String source,
                                @QueryParam("sheet") String sheet) throws IOException {
        return withUploadSlot(() -> readTable(body, type, units, source, sheet));
    }

    private Response readJson(InputStream body) throws IOException, ForwardingException {
        BulkUpload.Session session = bulkUpload.start(sender());
        long number = 0;
        try (JsonParser parser = json.getFactory().createParser(Utf8Text.reader(body))) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (JsonProcessingException e) {
                return badRequest(RejectionReason.MALFORMED_JSON, e.getOriginalMessage());
            } catch (CharacterCodingException e) {
                return badRequest(RejectionReason.BAD_ENCODING, Utf8Text.NOT_UTF8);
            }
            if (first == JsonToken.START_OBJECT) {
                JsonNode observation;
                try {
                    observation = json.readTree(parser);
                    if (parser.nextToken() != null) {
                        return badRequest(RejectionReason.MALFORMED_JSON, "Trailing content after the observation");
                    }
                } catch (JsonProcessingException e) {
                    return badRequest(RejectionReason.MALFORMED_JSON, e.getOriginalMessage());
                } catch (CharacterCodingException e) {
                    return badRequest(RejectionReason.BAD_ENCODING, Utf8Text.NOT_UTF8);
                }
                session.add(new Row(++number, observation, null));
            } else if (first == JsonToken.START_ARRAY) {
                while (session.withinRowLimit(number + 1) && parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode observation = json.readTree(parser);
                    session.add(new Row(++number, observation, null));
                }
                if (!session.truncated() && parser.nextToken() != null) {
                    session.add(new Row(++number, null, new Rejection(RejectionReason.MALFORMED_JSON,
                            "Trailing content after the array; it was not read")));
                }
            } else {
                return badRequest(RejectionReason.MALFORMED_JSON, "Expected a JSON array of observations");
            }
            return answer(session.finish());
        } catch (JsonProcessingException e) {
            return answerAfterBrokenJson(session, number + 1, RejectionReason.MALFORMED_JSON, e.getOriginalMessage());
        } catch (CharacterCodingException e) {
            return answerAfterBrokenJson(session, number + 1, RejectionReason.BAD_ENCODING, Utf8Text.NOT_UTF8);
        }
    }

    /** A CSV table, or a workbook's sheet read as one. */
    private Response readTable(InputStream body, MediaType type, List<String> units, String source, String sheet)
            throws IOException, ForwardingException {
        Charset charset;
        try {
            String declared = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
            charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return badRequest(RejectionReason.BAD_ENCODING, "Unknown charset: " + e.getMessage());
        }
        boolean workbook = type != null && type.isCompatible(MediaType.valueOf(XLSX));
        BulkUpload.Session session = bulkUpload.start(sender());
        try (Reader reader = workbook ? new StringReader(XlsxTable.toCsv(body, sheet)) : new InputStreamReader(body, charset)) {
            new CsvUpload(catalogue, json, unitsByIndicator(units), source).read(reader, session);
            return answer(session.finish());
        } catch (UnreadableHeaderException e) {
            return badRequest(e.reason(), e.getMessage());
        }
    }

    /** The body of an upload, read while it holds one of the limited upload slots. */
    @FunctionalInterface
    private interface Upload {
        Response read() throws IOException, ForwardingException;
    }

    private Response withUploadSlot(Upload upload) throws IOException {
        String client = identity.getPrincipal().getName();
        UploadSlots.Grant grant = uploadSlots.tryTake(client);
        if (grant != UploadSlots.Grant.GRANTED) {
            return grant == UploadSlots.Grant.CLIENT_AT_LIMIT
                    ? retryLater(TOO_MANY_REQUESTS, "TOO_MANY_UPLOADS", "This client already has " + uploadSlots.perClient()
                            + " uploads under way; send the next when one is answered")
                    : retryLater(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), "BUSY",
                            "The service reads " + uploadSlots.total() + " uploads at once; try again shortly");
        }
        try {
            return upload.read();
        } catch (ForwardingException e) {
            return retryLater(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), "KAFKA_UNAVAILABLE", e.getMessage());
        } catch (StorageUnavailableException e) {
            return retryLater(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), "STORAGE_UNAVAILABLE", e.getMessage());
        } finally {
            uploadSlots.release(client);
        }
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Every revision of one cell (region, indicator, period), oldest first, with who sent it")
    @APIResponse(responseCode = "200", description = "The revisions, empty when the cell has none")
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
    private static Response answerAfterBrokenJson(BulkUpload.Session session, long row, RejectionReason reason, String message)
            throws ForwardingException {
        session.add(new Row(row, null, new Rejection(reason, "JSON broken here, the rest was not read: " + message)));
        return answer(session.finish());
    }

    private static Response answer(UploadSummary summary) {
        int status = summary.truncated ? 413 : summary.rejected == 0 ? 200 : 422;
        return Response.status(status).entity(summary).build();
    }

    private static Response badRequest(RejectionReason reason, String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("reason", reason.name(), "message", message)).build();
    }

    private static Response retryLater(int status, String reason, String message) {
        return Response.status(status).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .entity(Map.of("reason", reason, "message", message)).build();
    }
}

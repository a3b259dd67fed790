package org.talentindex.ingestion.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

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
import org.talentindex.ingestion.messaging.ForwardingException;
import org.talentindex.ingestion.repository.Observation;
import org.talentindex.ingestion.repository.ObservationRepository;
import org.talentindex.ingestion.service.BulkUpload;
import org.talentindex.ingestion.service.BulkUpload.Row;
import org.talentindex.ingestion.service.UploadSummary;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.RejectionReason;

@Path("/api/observations")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES);

    @Inject
    BulkUpload bulkUpload;

    @Inject
    ObservationRepository repository;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload observations as a JSON array (or one object); answers with a summary and every refused row")
    public Response uploadJson(InputStream body) throws IOException {
        BulkUpload.Session session = bulkUpload.start("rest");
        try (JsonParser parser = json.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                session.add(new Row(1, json.readTree(parser), null));
            } else if (first == JsonToken.START_ARRAY) {
                long number = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    session.add(new Row(++number, json.readTree(parser), null));
                }
            } else {
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(Map.of("reason", RejectionReason.MALFORMED_JSON.name(), "message", "Expected a JSON array of observations")).build();
            }
            return answer(session.finish());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("reason", RejectionReason.MALFORMED_JSON.name(), "message", e.getOriginalMessage())).build();
        } catch (ForwardingException e) {
            return unavailable(e);
        }
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Upload observations as CSV with a header: region,indicator,period,value,unit,source[,observationId]")
    public Response uploadCsv(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) throws IOException {
        BulkUpload.Session session = bulkUpload.start("rest");
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try (Reader reader = new InputStreamReader(body, charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
             MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            long number = 0;
            while (true) {
                number++;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    session.add(new Row(number, toObservation(rows.nextValue()), null));
                } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                    session.add(new Row(number, null, new Rejection(RejectionReason.MALFORMED_CSV, e.getMessage())));
                }
            }
            return answer(session.finish());
        } catch (ForwardingException e) {
            return unavailable(e);
        }
    }

    @GET
    @Operation(summary = "Every revision of one cell (region, indicator, period), oldest first")
    public List<Observation> history(@QueryParam("region") String region, @QueryParam("indicator") String indicator,
                                     @QueryParam("period") String period) {
        return repository.history(region, indicator, period);
    }

    private ObjectNode toObservation(Map<String, String> row) {
        ObjectNode node = json.createObjectNode();
        row.forEach((column, cell) -> {
            String name = column.replace("\uFEFF", "").trim();
            if (cell == null || cell.isEmpty()) {
                return;
            }
            if (name.equals("value")) {
                try {
                    node.put(name, new java.math.BigDecimal(cell));
                } catch (NumberFormatException e) {
                    node.put(name, cell);
                }
            } else {
                node.put(name, cell);
            }
        });
        return node;
    }

    private static Response answer(UploadSummary summary) {
        int status = summary.rejected == 0 ? 200 : 422;
        return Response.status(status).entity(summary).build();
    }

    private static Response unavailable(ForwardingException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(Map.of("reason", "KAFKA_UNAVAILABLE", "message", e.getMessage())).build();
    }
}

package org.talentindex.reporting.resource;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.service.ReportEvents;
import org.talentindex.reporting.service.ReportEvents.ReportChanged;

@Path("/api/reports")
public class ReportResource {

    public record ReportSummary(String frameworkId, String period, long version, String generatedAt) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    ReportEvents events;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every framework-period that has a report, with its current version")
    public List<ReportSummary> list() {
        return Report.allReports().stream()
                .map(r -> new ReportSummary(r.frameworkId, r.period, r.version, r.generatedAt.toString())).toList();
    }

    @GET
    @Path("/{frameworkId}/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The current report of a framework-period; ETag is its version")
    public Response report(@PathParam("frameworkId") String frameworkId, @PathParam("period") String period, Request request) {
        Report report = find(frameworkId, period);
        EntityTag tag = new EntityTag(Long.toString(report.version));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(report.document).tag(tag).build();
    }

    @GET
    @Path("/{frameworkId}/{period}.csv")
    @Produces("text/csv")
    @Operation(summary = "The ranking as CSV (UTF-8; bom=true adds a byte-order mark for Excel)")
    public Response csv(@PathParam("frameworkId") String frameworkId, @PathParam("period") String period,
                        @QueryParam("bom") @DefaultValue("false") boolean bom) throws IOException {
        Report report = find(frameworkId, period);
        JsonNode document = json.readTree(report.document);
        CsvSchema.Builder columns = CsvSchema.builder().addColumn("rank").addColumn("region").addColumn("name_zh")
                .addColumn("name_en").addColumn("score");
        JsonNode first = document.path("ranking").path(0).path("levels");
        first.fieldNames().forEachRemaining(columns::addColumn);
        StringWriter out = new StringWriter();
        if (bom) {
            out.write('\uFEFF');
        }
        try (var writer = new CsvMapper().writer(columns.build().withHeader()).writeValues(out)) {
            for (JsonNode entry : document.path("ranking")) {
                List<Object> row = new java.util.ArrayList<>(List.of(entry.get("rank").asInt(), entry.get("region").asText(),
                        entry.path("regionName").path("zh").asText(), entry.path("regionName").path("en").asText(), entry.get("score").asDouble()));
                first.fieldNames().forEachRemaining(level -> row.add(entry.path("levels").path(level).asText()));
                writer.write(row);
            }
        }
        return Response.ok(out.toString()).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + frameworkId + "-" + period + ".csv\"").build();
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Server-Sent Events stream: one event per new report version")
    public Multi<ReportChanged> changes() {
        return events.stream();
    }

    private static Report find(String frameworkId, String period) {
        Report report = Report.find(frameworkId, period);
        if (report == null) {
            throw new NotFoundException("No report for " + frameworkId + "/" + period);
        }
        return report;
    }
}

package org.talentindex.reporting.resource;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.service.EncodedReports;
import org.talentindex.reporting.service.ReportEvents;
import org.talentindex.reporting.service.ReportEvents.ReportChanged;
import org.talentindex.reporting.service.ReportWorkbook;

@Path("/api/reports")
@Tag(name = "Reports", description = "The current report of each framework-period as JSON or CSV, and a stream of changes")
public class ReportResource {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final List<String> CSV_COLUMNS = List.of("rank", "region", "name_zh", "name_en", "score", "rank_change",
            "rank_change_vs_previous_period", "rank_p5", "rank_median", "rank_p95");

    public record ReportSummary(String frameworkId, String period, long version, String generatedAt) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    ReportEvents events;

    @Inject
    EncodedReports documents;

    @Inject
    ReportWorkbook workbooks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every framework-period that has a report, with its current version")
    @APIResponse(responseCode = "200", description = "The framework-periods")
    public List<ReportSummary> list() {
        return Report.summaries().stream()
                .map(r -> new ReportSummary(r.frameworkId(), r.period(), r.version(), r.generatedAt().toString())).toList();
    }

    @GET
    @Path("/{frameworkId}/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The current report of a framework-period (contracts/schemas/index-report.schema.json); ETag is its version")
    @APIResponse(responseCode = "200", description = "The report; gzip-encoded when Accept-Encoding allows it")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "No report for this framework-period")
    public Response report(@PathParam("frameworkId") String frameworkId, @PathParam("period") String period, Request request,
                           @HeaderParam(HttpHeaders.ACCEPT_ENCODING) @DefaultValue("") String acceptEncoding) {
        EncodedReports.Encoded report = documents.current(frameworkId, period)
                .orElseThrow(() -> new NotFoundException("No report for " + frameworkId + "/" + period));
        EntityTag tag = new EntityTag(Long.toString(report.version()));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        Response.ResponseBuilder ok = acceptEncoding.contains("gzip")
                ? Response.ok(report.gzip()).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                : Response.ok(report.json());
        return ok.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .tag(tag).build();
    }

    @GET
    @Path("/{frameworkId}/{period}.csv")
    @Produces("text/csv")
    @Operation(summary = "The ranking as CSV (UTF-8): region names in Chinese and English, rank changes, the rank interval "
            + "(5th percentile, median, 95th percentile) when a sensitivity analysis is reported, one column per level")
    @APIResponse(responseCode = "200", description = "The ranking")
    @APIResponse(responseCode = "404", description = "No report for this framework-period")
    public Response csv(@PathParam("frameworkId") String frameworkId, @PathParam("period") String period,
                        @Parameter(description = "true adds a byte-order mark so that Excel reads UTF-8")
                        @QueryParam("bom") @DefaultValue("false") boolean bom) throws IOException {
        Report report = find(frameworkId, period);
        JsonNode document = json.readTree(report.document);
        List<String> levels = new ArrayList<>();
        document.path("levelNames").forEach(level -> levels.add(level.path("code").asText()));
        Map<String, JsonNode> intervals = new HashMap<>();
        document.path("sensitivity").path("regions").forEach(interval -> intervals.put(interval.path("region").asText(), interval));
        CsvSchema.Builder columns = CsvSchema.builder();
        CSV_COLUMNS.forEach(columns::addColumn);
        levels.forEach(columns::addColumn);
        StringWriter out = new StringWriter();
        if (bom) {
            out.write('\uFEFF');
        }
        try (var writer = CSV.writer(columns.build().withHeader()).writeValues(out)) {
            for (JsonNode entry : document.path("ranking")) {
                List<Object> row = new ArrayList<>(List.of(entry.get("rank").asInt(), entry.get("region").asText(),
                        entry.path("regionName").path("zh").asText(), entry.path("regionName").path("en").asText(),
                        entry.get("score").asDouble()));
                row.add(entry.path("rankChange").asText(""));
                row.add(entry.path("rankChangeVsPreviousPeriod").asText(""));
                JsonNode interval = intervals.getOrDefault(entry.get("region").asText(), MissingNode.getInstance());
                List.of("p5", "median", "p95").forEach(field -> row.add(interval.path(field).asText("")));
                levels.forEach(level -> row.add(entry.path("levels").path(level).asText("")));
                writer.write(row);
            }
        }
        return Response.ok(out.toString()).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + frameworkId + "-" + period + ".csv\"").build();
    }

    @GET
    @Path("/{frameworkId}/{period}.xlsx")
    @Produces(ReportWorkbook.MEDIA_TYPE)
    @Operation(summary = "The report as an Excel workbook: ranking with every level and the rank changes and intervals, levels, "
            + "regions without enough data, warnings, and framework, period, version and method; numbers as numbers, headers in "
            + "Chinese and English")
    @APIResponse(responseCode = "200", description = "The workbook")
    @APIResponse(responseCode = "404", description = "No report for this framework-period")
    public Response xlsx(@PathParam("frameworkId") String frameworkId, @PathParam("period") String period) throws IOException {
        Report report = find(frameworkId, period);
        return Response.ok(workbooks.write(json.readTree(report.document))).type(ReportWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + frameworkId + "-" + period + ".xlsx\"").build();
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Server-Sent Events stream: one event per new report version")
    @APIResponse(responseCode = "200", description = "The stream, open until the client closes it")
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

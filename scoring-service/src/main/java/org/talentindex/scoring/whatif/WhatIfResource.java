package org.talentindex.scoring.whatif;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/what-if")
@Produces(MediaType.APPLICATION_JSON)
public class WhatIfResource {

    private static final CsvMapper CSV = new CsvMapper();

    @Inject
    WhatIfService whatIf;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate values against a framework (id or inline YAML definition); nothing is stored or published. "
            + "400 lists every offending row; at most talentindex.what-if.max-cells cells (default 500,000)")
    public Response evaluate(WhatIfRequest request) {
        if (request == null) {
            return badRequest(List.of(new WhatIfProblem(0, "MISSING_BODY", "a JSON body is required")));
        }
        try {
            return Response.ok(whatIf.evaluate(request)).build();
        } catch (WhatIfService.InvalidRequest e) {
            return badRequest(e.problems);
        }
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Evaluate a CSV table region,indicator,value (a period column is ignored) against the framework named in ?framework=")
    public Response evaluateCsv(@QueryParam("framework") String framework, String csv) {
        List<WhatIfRequest.Cell> cells = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withComments()).readValues(csv)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                cells.add(new WhatIfRequest.Cell(row.get("region"), row.get("indicator"), number(row.get("value"))));
            }
        } catch (IOException | RuntimeException e) {
            return badRequest(List.of(new WhatIfProblem(0, "MALFORMED_CSV", String.valueOf(e.getMessage()))));
        }
        return evaluate(new WhatIfRequest(framework, null, cells));
    }

    private static Double number(String text) {
        try {
            return text == null ? null : Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Response badRequest(List<WhatIfProblem> problems) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("problems", problems)).build();
    }
}

package org.talentindex.scoring.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.scoring.engine.EvaluationOptions;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkDefinitionException;
import org.talentindex.framework.FrameworkLoader;
import org.talentindex.framework.Region;
import org.talentindex.scoring.framework.FrameworkRegistry;
import org.talentindex.scoring.service.ScoringService;
import org.talentindex.scoring.state.FrameworkPeriodKey;

/** Evaluates a values table against a framework without storing or publishing anything. */
@ApplicationScoped
public class WhatIfService {

    /** The request could not be evaluated; every problem found is listed. */
    public static class InvalidRequest extends Exception {
        public final transient List<WhatIfProblem> problems;

        InvalidRequest(List<WhatIfProblem> problems) {
            super(problems.size() + " problems");
            this.problems = problems;
        }
    }

    @Inject
    FrameworkRegistry frameworks;

    @Inject
    WhatIfConfig config;

    @Inject
    ScoringService scoring;

    public WhatIfResult evaluate(WhatIfRequest request) throws InvalidRequest {
        Framework framework = framework(request);
        List<WhatIfRequest.Cell> cells = request.values() == null ? List.of() : request.values();
        refuseTableAboveMaxCells(framework, cells);
        Set<String> indicators = Set.copyOf(framework.inputColumns());
        Set<String> regions = framework.regions().stream().map(Region::code).collect(Collectors.toSet());
        List<WhatIfProblem> problems = new ArrayList<>();
        ValueTable values = new ValueTable();
        for (int i = 0; i < cells.size(); i++) {
            WhatIfRequest.Cell cell = cells.get(i);
            long row = i + 1L;
            if (cell == null || cell.region() == null || cell.region().isBlank() || cell.indicator() == null) {
                problems.add(new WhatIfProblem(row, "MISSING_FIELD", "region, indicator and value are required"));
            } else if (!indicators.contains(cell.indicator())) {
                problems.add(new WhatIfProblem(row, "UNKNOWN_INDICATOR", "'" + cell.indicator() + "' is not an input column of "
                        + framework.id() + " (derived indicators are computed)"));
            } else if (!regions.isEmpty() && !regions.contains(cell.region())) {
                problems.add(new WhatIfProblem(row, "UNKNOWN_REGION", "'" + cell.region() + "' is not a region of " + framework.id()));
            } else if (cell.value() == null || !Double.isFinite(cell.value())) {
                problems.add(new WhatIfProblem(row, "NOT_A_NUMBER", "value of " + cell.region() + "/" + cell.indicator() + " is missing or not finite"));
            } else {
                values.put(cell.region(), cell.indicator(), cell.value());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return WhatIfResult.of(FrameworkEvaluator.evaluate(framework, values, baseline(framework, request.period())));
    }

    /** Without a period, the values alone; with one, the stored earlier periods and the previous period's ranks as live scoring has them. */
    private EvaluationOptions baseline(Framework framework, String period) throws InvalidRequest {
        if (period == null) {
            return EvaluationOptions.NONE;
        }
        if (!FrameworkPeriodKey.PERIOD.matcher(period).matches()) {
            throw new InvalidRequest(List.of(WhatIfProblem.ofRequest("INVALID_PERIOD", "period must be four digits: " + period)));
        }
        return scoring.baseline(framework, new FrameworkPeriodKey(framework.id(), period));
    }

    /**
     * The evaluation holds a dense table, one column of every region per indicator, so few values of many distinct regions
     * and indicators (an inline definition may declare any number) would take far more memory than their count suggests.
     */
    private void refuseTableAboveMaxCells(Framework framework, List<WhatIfRequest.Cell> cells) throws InvalidRequest {
        long regions = Math.max(framework.regions().size(),
                cells.stream().filter(Objects::nonNull).map(WhatIfRequest.Cell::region).distinct().count());
        long tableCells = Math.max(cells.size(), regions * framework.indicators().size());
        if (tableCells > config.maxCells()) {
            throw new InvalidRequest(List.of(WhatIfProblem.ofRequest("TOO_MANY_CELLS", cells.size() + " values of " + regions
                    + " regions and " + framework.indicators().size() + " indicators make " + tableCells + " cells; at most " + config.maxCells())));
        }
    }

    private Framework framework(WhatIfRequest request) throws InvalidRequest {
        if (request.definition() != null && !request.definition().isBlank()) {
            try {
                return FrameworkLoader.parse(request.definition(), "inline definition");
            } catch (FrameworkDefinitionException e) {
                throw new InvalidRequest(List.of(WhatIfProblem.ofRequest("INVALID_DEFINITION", e.getMessage())));
            }
        }
        if (request.framework() == null) {
            throw new InvalidRequest(List.of(WhatIfProblem.ofRequest("MISSING_FRAMEWORK", "give a framework id or an inline definition")));
        }
        return frameworks.find(request.framework()).orElseThrow(() ->
                new InvalidRequest(List.of(WhatIfProblem.ofRequest("UNKNOWN_FRAMEWORK", "no framework '" + request.framework() + "'"))));
    }
}

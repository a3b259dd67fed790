package org.talentindex.scoring.engine.warning;

import java.util.List;
import java.util.Optional;

/** The early-warning heat map: rows = regions, columns = sectors, in the framework's order, plus each region's overall risk. */
public record HeatMap(String frameworkId, List<String> regions, List<String> sectors, List<HeatMapCell> cells, List<RegionRisk> overall) {

    public Optional<HeatMapCell> cell(String region, String sector) {
        return cells.stream().filter(c -> c.region().equals(region) && c.sector().equals(sector)).findFirst();
    }
}

package org.talentindex.scoring.engine.deviation;

import java.util.List;

/** A region's structure deviation: the total Σ|d_i| and every sector's deviation, in the framework's sector order. */
public record DeviationResult(String region, double total, List<SectorDeviation> sectors) {

    public SectorDeviation sector(String code) {
        return sectors.stream().filter(s -> s.sector().equals(code)).findFirst().orElseThrow();
    }
}

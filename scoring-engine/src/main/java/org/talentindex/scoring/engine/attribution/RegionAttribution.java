package org.talentindex.scoring.engine.attribution;

import java.util.Map;

/** How each input column moved a region's composite from {@code before} to {@code after}; the contributions sum to the change. */
public record RegionAttribution(String region, double before, double after, Map<String, Double> contributions) {

    public double change() {
        return after - before;
    }
}

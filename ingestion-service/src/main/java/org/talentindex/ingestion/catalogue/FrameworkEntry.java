package org.talentindex.ingestion.catalogue;

import java.util.Set;

/** A framework as ingestion sees it: which regions it covers and which periods it accepts. */
public record FrameworkEntry(String id, Set<String> regions, int firstPeriod, int lastPeriod) {

    public boolean covers(String region, int period) {
        return regions.contains(region) && period >= firstPeriod && period <= lastPeriod;
    }
}

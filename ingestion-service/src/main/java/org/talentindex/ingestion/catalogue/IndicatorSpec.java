package org.talentindex.ingestion.catalogue;

import java.util.Set;

/** What the catalogue knows of one indicator: its names, canonical unit, valid range, measure type and the frameworks that use it. */
public record IndicatorSpec(String code, String nameZh, String nameEn, String unit, double min, double max, String measure,
                            Set<String> frameworkIds) {

    public boolean isBinary() {
        return "binary".equals(measure);
    }
}

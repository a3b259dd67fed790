package org.talentindex.framework;

/** A raw column that derived indicators or denominators read, declared under {@code inputs}: observed, never scored itself. */
public record InputColumn(String code, LocalizedName names, String unit, MeasureType measure, ValueRange range) {
}

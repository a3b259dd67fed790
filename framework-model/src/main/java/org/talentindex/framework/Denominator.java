package org.talentindex.framework;

/** Denomination: the indicator's value is divided by another column (population, area, GDP) and multiplied by {@code scale}. */
public record Denominator(String indicator, double scale) {
}

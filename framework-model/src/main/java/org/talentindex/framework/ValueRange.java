package org.talentindex.framework;

/** The valid range of an indicator's values, in its canonical unit. */
public record ValueRange(double min, double max) {

    public static final ValueRange UNBOUNDED = new ValueRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}

package org.talentindex.framework;

/**
 * A scored indicator. {@code weight} is its weight among its siblings when the weighting is fixed or relative (null otherwise);
 * {@code denominator} (null if none) divides it before normalisation; {@code target} (null if none) is used by distance-to-target.
 */
public record Indicator(String code, LocalizedName names, String unit, Direction direction, MeasureType measure, ValueRange range,
                        Double weight, Denominator denominator, Double target) {

    public Indicator(String code, LocalizedName names, String unit, Direction direction, MeasureType measure, ValueRange range) {
        this(code, names, unit, direction, measure, range, null, null, null);
    }
}

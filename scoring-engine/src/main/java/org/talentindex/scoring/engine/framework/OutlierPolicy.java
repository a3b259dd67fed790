package org.talentindex.scoring.engine.framework;

/**
 * Winsorisation (the JRC/COINr convention): while a column's |skewness| exceeds {@code skewLimit} and its excess kurtosis exceeds
 * {@code kurtosisLimit}, the most extreme value on the skewed side is set to the next value, at most {@code maxPoints} times.
 */
public record OutlierPolicy(boolean winsorise, double skewLimit, double kurtosisLimit, int maxPoints) {

    public static final OutlierPolicy NONE = new OutlierPolicy(false, 2, 3.5, 5);
}

package org.talentindex.framework;

/**
 * Outlier treatment (the JRC/COINr convention, see {@code Winsoriser}): winsorise a column whose |skewness| reaches {@code skewLimit}
 * and whose kurtosis reaches {@code kurtosisLimit}, treating at most {@code maxPoints} points; if that is not enough and
 * {@code logFallback}, log-transform the original column instead.
 */
public record OutlierPolicy(boolean winsorise, double skewLimit, double kurtosisLimit, int maxPoints, boolean logFallback) {

    public static final OutlierPolicy NONE = new OutlierPolicy(false, 2, 3.5, 5, true);
}

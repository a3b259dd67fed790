package org.talentindex.framework;

/**
 * A region with fewer than {@code minRegionCoverage} of the indicators is reported as insufficient data and not ranked; an indicator
 * present for fewer than {@code minIndicatorCoverage} of the regions is left out (its siblings' weights are rescaled).
 */
public record MissingDataPolicy(double minRegionCoverage, double minIndicatorCoverage, Imputation imputation) {

    public static final MissingDataPolicy NONE = new MissingDataPolicy(0, 0, Imputation.NONE);
}

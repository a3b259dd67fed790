package org.talentindex.framework;

/** Weighting settings; {@code entropyShift} is added to every normalised score before entropy weights are computed. */
public record Weighting(WeightingMethod method, double entropyShift) {

    public static final double DEFAULT_ENTROPY_SHIFT = 1e-4;
}

package org.talentindex.framework;

/** How a raw indicator column becomes comparable scores. See docs/methods.md for the formulas and conventions. */
public enum NormalisationMethod {
    /** {@code low + (high-low)·(x-min)/(max-min)}; the efficacy coefficient {@code a + b·(x-min)/(max-min)} is this with low=a, high=a+b. */
    MIN_MAX,
    /** {@code mean + sd·(x-x̄)/s}, s the sample standard deviation (n-1). */
    Z_SCORE,
    /** Rank 1..n, ties take the lowest rank (COINr's {@code n_rank}, R's {@code rank(ties.method = "min")}). */
    RANK,
    /** {@code low + (high-low)·(rank-1)/(n-1)} with the ranks above (COINr's {@code n_prank}). */
    PERCENTILE,
    /** {@code low + (high-low)·(1 - (x_ref - x)/(x_ref - min))} ("-": {@code 1 - (x - x_ref)/(max - x_ref)}); COINr's {@code n_dist2ref}. */
    DISTANCE_TO_REFERENCE,
    /** {@code low + (high-low)·(x-min)/(target-min)} ("-": {@code (max-x)/(max-target)}); COINr's {@code n_dist2targ}. */
    DISTANCE_TO_TARGET,
    /** Goalposts: {@code low + (high-low)·(x-range.min)/(range.max-range.min)}, clipped, using the indicator's declared valid range. */
    GOALPOSTS,
    /** The raw value ("-": negated). */
    NONE;

    public static NormalisationMethod parse(String name) {
        return switch (name) {
            case "min-max", "efficacy-coefficient" -> MIN_MAX;
            case "z-score" -> Z_SCORE;
            case "rank" -> RANK;
            case "percentile" -> PERCENTILE;
            case "distance-to-reference" -> DISTANCE_TO_REFERENCE;
            case "distance-to-target" -> DISTANCE_TO_TARGET;
            case "goalposts" -> GOALPOSTS;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("unknown normalisation method " + name);
        };
    }
}

package org.talentindex.framework;

/** How the children of a node are weighted. */
public enum WeightingMethod {
    /** 1/k each. */
    EQUAL,
    /** Declared weights that must sum to 1 among siblings. */
    FIXED,
    /** Declared weights relative to their siblings, rescaled to sum to 1 (the COINr convention). */
    RELATIVE,
    /** Shannon-entropy weights computed from the children's scores. */
    ENTROPY,
    /** CRITIC weights: standard deviation times total (1 - correlation) with the siblings. */
    CRITIC;

    public static WeightingMethod parse(String name) {
        return switch (name) {
            case "equal" -> EQUAL;
            case "fixed" -> FIXED;
            case "relative" -> RELATIVE;
            case "entropy" -> ENTROPY;
            case "critic" -> CRITIC;
            default -> throw new IllegalArgumentException("unknown weighting method " + name);
        };
    }

    public boolean declared() {
        return this == FIXED || this == RELATIVE;
    }

    public boolean dataDriven() {
        return this == ENTROPY || this == CRITIC;
    }
}

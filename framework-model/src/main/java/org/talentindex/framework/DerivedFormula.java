package org.talentindex.framework;

/** The formulas a derived indicator can use. */
public enum DerivedFormula {
    RATIO, DIFFERENCE, SUM, SHARE_OF_TOTAL, GROWTH, CAGR;

    public static DerivedFormula parse(String name) {
        return switch (name) {
            case "ratio" -> RATIO;
            case "difference" -> DIFFERENCE;
            case "sum" -> SUM;
            case "share-of-total" -> SHARE_OF_TOTAL;
            case "growth" -> GROWTH;
            case "cagr" -> CAGR;
            default -> throw new IllegalArgumentException("unknown derived formula " + name);
        };
    }

    public int arity() {
        return switch (this) {
            case RATIO, DIFFERENCE -> 2;
            case SUM -> -1;
            case SHARE_OF_TOTAL, GROWTH, CAGR -> 1;
        };
    }
}

package org.talentindex.framework;

/** How a node combines its children's scores. */
public enum AggregationMethod {
    ARITHMETIC, GEOMETRIC;

    public static AggregationMethod parse(String name) {
        return switch (name) {
            case "arithmetic" -> ARITHMETIC;
            case "geometric" -> GEOMETRIC;
            default -> throw new IllegalArgumentException("unknown aggregation method " + name);
        };
    }
}

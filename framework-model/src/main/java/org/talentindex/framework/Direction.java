package org.talentindex.framework;

/** Whether a higher value of an indicator is better ({@code +}) or worse ({@code -}). */
public enum Direction {
    POSITIVE, NEGATIVE;

    public static Direction parse(String symbol) {
        return switch (symbol) {
            case "+", "1" -> POSITIVE;
            case "-", "-1" -> NEGATIVE;
            default -> throw new IllegalArgumentException("direction must be + or -, not " + symbol);
        };
    }
}

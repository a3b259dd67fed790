package org.talentindex.scoring.service;

/**
 * Decimal text for values rounded to a few decimals, as the published scores are: read back, the text gives the same
 * double, like the shortest representation a JSON writer searches for, at a fraction of its cost.
 */
final class RoundedDecimal {

    static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private RoundedDecimal() {
    }

    /** The value with at most {@code precision} decimals, or null when it has more (or is too large for this path). */
    static String text(double value, int precision) {
        if (precision < 0 || precision >= POWERS_OF_TEN.length) {
            return null;
        }
        double scaled = value * POWERS_OF_TEN[precision];
        if (!(Math.abs(scaled) < 1e15)) {
            return null;
        }
        long units = Math.round(scaled);
        if (units / POWERS_OF_TEN[precision] != value) {
            return null;
        }
        long magnitude = Math.abs(units);
        int decimals = precision;
        while (decimals > 0 && magnitude % 10 == 0) {
            magnitude /= 10;
            decimals--;
        }
        StringBuilder text = new StringBuilder(24);
        if (units < 0) {
            text.append('-');
        }
        String digits = Long.toString(magnitude);
        if (decimals == 0) {
            return text.append(digits).append(".0").toString();
        }
        int whole = digits.length() - decimals;
        if (whole <= 0) {
            text.append("0.");
            text.append("0".repeat(-whole));
            return text.append(digits).toString();
        }
        return text.append(digits, 0, whole).append('.').append(digits, whole, digits.length()).toString();
    }
}

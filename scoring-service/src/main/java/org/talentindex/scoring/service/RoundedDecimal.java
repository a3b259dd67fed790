package org.talentindex.scoring.service;

/**
 * Decimal text for values rounded to a few decimals, as the published scores are: read back, the text gives the same
 * double, like the shortest representation a JSON writer searches for, at a fraction of its cost.
 */
final class RoundedDecimal {

    static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    /** Room for any value {@link #write} accepts: sign, 16 digits, point, ".0" or up to 9 leading decimal zeros. */
    static final int MAX_LENGTH = 28;

    private RoundedDecimal() {
    }

    /**
     * Writes the value with at most {@code precision} decimals to the start of {@code text} (at least
     * {@link #MAX_LENGTH} long) and returns its length; -1 when it has more decimals or is too large for this path.
     * Written from the last digit backwards, without intermediate strings: events carry thousands of these numbers.
     */
    static int write(double value, int precision, char[] text) {
        if (precision < 0 || precision >= POWERS_OF_TEN.length) {
            return -1;
        }
        double scaled = value * POWERS_OF_TEN[precision];
        if (!(Math.abs(scaled) < 1e15)) {
            return -1;
        }
        long units = Math.round(scaled);
        if (units / POWERS_OF_TEN[precision] != value) {
            return -1;
        }
        long magnitude = Math.abs(units);
        int decimals = precision;
        while (decimals > 0 && magnitude % 10 == 0) {
            magnitude /= 10;
            decimals--;
        }
        int start = text.length;
        if (decimals == 0) {
            text[--start] = '0';
        }
        for (int i = 0; i < decimals; i++) {
            text[--start] = (char) ('0' + magnitude % 10);
            magnitude /= 10;
        }
        text[--start] = '.';
        do {
            text[--start] = (char) ('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude > 0);
        if (units < 0) {
            text[--start] = '-';
        }
        int length = text.length - start;
        System.arraycopy(text, start, text, 0, length);
        return length;
    }
}

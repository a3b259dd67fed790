package org.talentindex.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RoundedDecimalTest {

    @Test
    void roundedValuesReadBackExactlyWithAtMostTheirDecimals() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            int precision = random.nextInt(8);
            double value = PublishedScore.round(random.nextDouble(-2_000, 2_000) * Math.pow(10, random.nextInt(-4, 5)), precision);
            String text = text(value, precision);
            assertEquals(value, Double.parseDouble(text), text);
            int point = text.indexOf('.');
            assertTrue(point > 0 && text.length() - point - 1 <= Math.max(1, precision), text);
        }
    }

    @Test
    void writesPlainDecimals() {
        assertEquals("57.34", text(57.34, 2));
        assertEquals("57.3", text(57.30, 2));
        assertEquals("100.0", text(100, 2));
        assertEquals("0.05", text(0.05, 2));
        assertEquals("-0.005", text(-0.005, 3));
        assertEquals("0.0", text(0, 0));
    }

    @Test
    void leavesOtherValuesToTheJsonWriter() {
        assertNull(text(0.123456, 2));
        assertNull(text(1e300, 2));
        assertNull(text(Double.NaN, 2));
    }

    private static String text(double value, int precision) {
        char[] text = new char[RoundedDecimal.MAX_LENGTH];
        int length = RoundedDecimal.write(value, precision, text);
        return length < 0 ? null : new String(text, 0, length);
    }
}

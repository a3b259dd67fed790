package org.talentindex.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PublishedScoreTest {

    @Test
    void roundsLikeTheDecimalFormHalfUp() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 1_000_000; i++) {
            int precision = random.nextInt(7);
            double value = switch (i % 4) {
                case 0 -> random.nextDouble(-100, 100);
                case 1 -> random.nextDouble(0, 1e7);
                case 2 -> (random.nextInt(-1_000_000, 1_000_000) + 0.5) / Math.pow(10, precision);
                default -> random.nextInt(-100_000, 100_000) / Math.pow(10, precision + 1);
            };
            assertEquals(decimalHalfUp(value, precision), PublishedScore.round(value, precision), () -> value + " to " + precision);
        }
    }

    @Test
    void tiesAndExtremesTakeTheDecimalForm() {
        assertEquals(1.01, PublishedScore.round(1.005, 2));
        assertEquals(-0.13, PublishedScore.round(-0.125, 2));
        assertEquals(2.675, PublishedScore.round(2.675, 3));
        assertEquals(1.0E15, PublishedScore.round(1.0E15, 2));
        assertNull(PublishedScore.round(Double.NaN, 2));
    }

    private static Double decimalHalfUp(double value, int precision) {
        return BigDecimal.valueOf(value).setScale(precision, RoundingMode.HALF_UP).doubleValue();
    }
}

package org.talentindex.scoring.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.RegionStatus;

/** A region's result as published: rounded to the framework's precision. Two equal values publish nothing. */
public record PublishedScore(String status, Double score, int rank, Map<String, Double> levels) {

    public static PublishedScore of(RegionResult result, int precision) {
        boolean ranked = result.status() == RegionStatus.RANKED;
        Map<String, Double> levels = new TreeMap<>();
        result.levelScores().forEach((level, value) -> levels.put(level, round(value, precision)));
        return new PublishedScore(result.status().name(), ranked ? round(result.score(), precision) : null,
                ranked ? result.rank() : 0, levels);
    }

    /** True when this result differs from {@code before} in its rank alone: other regions moved past it. */
    boolean reranks(PublishedScore before) {
        return before != null && rank != before.rank && status.equals(before.status) && Objects.equals(score, before.score)
                && levels.equals(before.levels);
    }

    /**
     * Half-up rounding of the value's decimal form. Away from a tie (and below 2^30, where the scaled value is exact to
     * 1e-6) the scaled value rounds to the same integer in binary, and dividing that integer by the exact power of ten
     * gives the same double as the decimal; near a tie the decimal form decides.
     */
    static Double round(double value, int precision) {
        if (!Double.isFinite(value)) {
            return null;
        }
        if (precision >= 0 && precision < RoundedDecimal.POWERS_OF_TEN.length) {
            double scaled = value * RoundedDecimal.POWERS_OF_TEN[precision];
            double fraction = scaled - Math.floor(scaled);
            if (Math.abs(scaled) < 0x1p30 && Math.abs(fraction - 0.5) > 1e-6) {
                return Math.rint(scaled) / RoundedDecimal.POWERS_OF_TEN[precision] + 0.0; // + 0.0: no negative zero, as in decimal
            }
        }
        return BigDecimal.valueOf(value).setScale(precision, RoundingMode.HALF_UP).doubleValue();
    }
}

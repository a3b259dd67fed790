package org.talentindex.scoring.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
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

    static Double round(double value, int precision) {
        if (!Double.isFinite(value)) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(precision, RoundingMode.HALF_UP).doubleValue();
    }
}

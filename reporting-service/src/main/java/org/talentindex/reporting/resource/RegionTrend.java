package org.talentindex.reporting.resource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A region's movement over the periods in which it was ranked: the change of its score, rank and level scores in its last
 * ranked period since the one before and since the first, and the score's mean change per year since the first. Null
 * where a period is missing. Rank changes are earlier rank minus later rank (positive = moved up), as in reports.
 */
public record RegionTrend(String firstPeriod, String previousPeriod, String lastPeriod, Change score, RankChange rank,
                         Map<String, Change> levels, Double scoreChangePerYear) {

    public record Change(Double sincePrevious, Double sinceFirst) {
    }

    public record RankChange(Integer sincePrevious, Integer sinceFirst) {
    }

    /** Null when the region was never ranked. */
    static RegionTrend of(List<FrameworkResource.RegionScores> periods) {
        List<FrameworkResource.RegionScores> ranked = periods.stream().filter(p -> p.rank() != null).toList();
        if (ranked.isEmpty()) {
            return null;
        }
        FrameworkResource.RegionScores last = ranked.get(ranked.size() - 1);
        FrameworkResource.RegionScores previous = ranked.size() > 1 ? ranked.get(ranked.size() - 2) : null;
        FrameworkResource.RegionScores first = ranked.size() > 1 ? ranked.get(0) : null;
        Map<String, Change> levels = new TreeMap<>();
        last.levels().properties().forEach(level -> levels.put(level.getKey(),
                change(p -> number(p.levels().get(level.getKey())), last, previous, first)));
        Change score = change(FrameworkResource.RegionScores::score, last, previous, first);
        Double perYear = score.sinceFirst() == null ? null
                : round(score.sinceFirst() / (Integer.parseInt(last.period()) - Integer.parseInt(first.period())));
        return new RegionTrend(first == null ? null : first.period(), previous == null ? null : previous.period(), last.period(), score,
                new RankChange(previous == null ? null : previous.rank() - last.rank(), first == null ? null : first.rank() - last.rank()),
                levels, perYear);
    }

    private static Change change(Function<FrameworkResource.RegionScores, Double> value, FrameworkResource.RegionScores last,
                                 FrameworkResource.RegionScores previous, FrameworkResource.RegionScores first) {
        return new Change(difference(value, last, previous), difference(value, last, first));
    }

    private static Double difference(Function<FrameworkResource.RegionScores, Double> value, FrameworkResource.RegionScores later,
                                     FrameworkResource.RegionScores earlier) {
        if (earlier == null || value.apply(later) == null || value.apply(earlier) == null) {
            return null;
        }
        return round(value.apply(later) - value.apply(earlier));
    }

    private static Double number(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.asDouble();
    }

    /** To 1e-6, as reports round score changes. */
    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}

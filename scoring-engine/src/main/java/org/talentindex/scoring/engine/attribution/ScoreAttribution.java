package org.talentindex.scoring.engine.attribution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;

/**
 * Attribution of score changes between two versions of a values table to the input columns (indicators, and denominators or other
 * inputs). Columns are switched from the old to the new version one at a time, in file order and again in reverse order; a column's
 * contribution is the mean of its two switching effects. Each order telescopes to the full change, so the contributions sum exactly to
 * after - before, and effects through global min-max, data-driven weights and the final rescale are all accounted for.
 * Costs 2 × (number of changed columns) evaluations, the two versions' included (the last switch of an order is the new version
 * itself), and gives every region at once; a region is attributed when it is ranked in both versions and at every step
 * (otherwise its contributions are NaN).
 */
public final class ScoreAttribution {

    private ScoreAttribution() {
    }

    public static Map<String, RegionAttribution> between(Framework framework, ValueTable before, ValueTable after) {
        Set<String> columns = new LinkedHashSet<>();
        framework.indicators().forEach(i -> columns.add(i.code()));
        columns.addAll(before.indicators());
        columns.addAll(after.indicators());
        return between(framework, before, FrameworkEvaluator.evaluate(framework, before), after,
                FrameworkEvaluator.evaluate(framework, after), columns);
    }

    /**
     * The same for a caller that holds the evaluations of both versions and knows which columns may differ (no other
     * column is compared): costs 2 × (changed columns - 1) evaluations, none when a single column changed.
     */
    public static Map<String, RegionAttribution> between(Framework framework, ValueTable before, Evaluation start, ValueTable after,
                                                         Evaluation end, Collection<String> candidateColumns) {
        List<String> columns = changedColumns(candidateColumns, before, after);
        Map<String, Map<String, Double>> forward = effects(framework, before, start, after, end, columns);
        Map<String, Map<String, Double>> backward = effects(framework, before, start, after, end, reversed(columns));
        Map<String, RegionAttribution> attributions = new LinkedHashMap<>();
        Map<String, RegionResult> endByRegion = end.byRegion();
        for (RegionResult result : start.regions()) {
            String region = result.region();
            double afterScore = endByRegion.containsKey(region) ? endByRegion.get(region).score() : Double.NaN;
            Map<String, Double> contributions = new LinkedHashMap<>();
            for (String column : columns) {
                contributions.put(column, (forward.get(column).getOrDefault(region, Double.NaN)
                        + backward.get(column).getOrDefault(region, Double.NaN)) / 2);
            }
            attributions.put(region, new RegionAttribution(region, result.score(), afterScore, contributions));
        }
        return attributions;
    }

    /** Each column's effect per region when switched in the given order. */
    private static Map<String, Map<String, Double>> effects(Framework framework, ValueTable before, Evaluation start, ValueTable after, Evaluation end,
                                   List<String> order) {
        Map<String, Map<String, Double>> effects = new LinkedHashMap<>();
        ValueTable current = new ValueTable(before);
        Evaluation previous = start;
        for (int i = 0; i < order.size(); i++) {
            String column = order.get(i);
            Evaluation next;
            if (i == order.size() - 1) {
                next = end;
            } else {
                switchColumn(current, after, column);
                next = FrameworkEvaluator.evaluate(framework, current);
            }
            Map<String, Double> byRegion = new LinkedHashMap<>();
            Map<String, RegionResult> previousByRegion = previous.byRegion();
            for (RegionResult result : next.regions()) {
                RegionResult earlierResult = previousByRegion.get(result.region());
                double earlier = earlierResult == null ? Double.NaN : earlierResult.score();
                byRegion.put(result.region(), result.score() - earlier);
            }
            effects.put(column, byRegion);
            previous = next;
        }
        return effects;
    }

    private static void switchColumn(ValueTable table, ValueTable source, String column) {
        Set<String> regions = new LinkedHashSet<>(table.regions());
        regions.addAll(source.regions());
        for (String region : regions) {
            OptionalDouble value = source.get(region, column);
            if (value.isPresent()) {
                table.put(region, column, value.getAsDouble());
            } else {
                table.remove(region, column);
            }
        }
    }

    private static List<String> changedColumns(Collection<String> columns, ValueTable before, ValueTable after) {
        Set<String> regions = new LinkedHashSet<>(before.regions());
        regions.addAll(after.regions());
        List<String> changed = new ArrayList<>();
        for (String column : columns) {
            if (regions.stream().anyMatch(r -> !before.get(r, column).equals(after.get(r, column)))) {
                changed.add(column);
            }
        }
        return changed;
    }

    private static List<String> reversed(List<String> columns) {
        List<String> reversed = new ArrayList<>(columns);
        Collections.reverse(reversed);
        return reversed;
    }
}

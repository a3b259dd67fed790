package org.talentindex.scoring.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.talentindex.scoring.engine.compute.ColumnStatistics;
import org.talentindex.framework.Framework;
import org.talentindex.framework.Imputation;
import org.talentindex.framework.Region;

/** Fills the missing cells of one column for the scored regions, as the framework's missing-data policy says, and marks them. */
final class Imputer {

    private Imputer() {
    }

    static void impute(ScoringState state, int j) {
        Imputation imputation = state.framework.missingData().imputation();
        if (imputation == Imputation.NONE) {
            return;
        }
        double[] column = state.prepared[j];
        double mean = ColumnStatistics.of(state.raw[j], state.eligible).mean();
        Map<String, Double> groupMeans = imputation == Imputation.GROUP_MEAN ? groupMeans(state, j) : Map.of();
        Map<String, String> groups = imputation == Imputation.GROUP_MEAN ? groups(state.framework) : Map.of();
        for (int i = 0; i < column.length; i++) {
            if (!state.eligible[i] || !Double.isNaN(column[i])) {
                continue;
            }
            double value = switch (imputation) {
                case MEAN -> mean;
                case GROUP_MEAN -> groupMeans.getOrDefault(groups.get(state.regions.get(i)), mean);
                case LAST_PERIOD -> lastPeriod(state, j, i);
                case NONE -> Double.NaN;
            };
            if (!Double.isNaN(value)) {
                column[i] = value;
                state.imputed[j][i] = true;
            }
        }
    }

    private static double lastPeriod(ScoringState state, int j, int i) {
        ValueTable previous = state.options.previousPeriod();
        if (previous == null) {
            return Double.NaN;
        }
        return CompositePipeline.denominated(state.hierarchy.indicators.get(j), previous, List.of(state.regions.get(i)))[0];
    }

    private static Map<String, String> groups(Framework framework) {
        Map<String, String> groups = new HashMap<>();
        for (Region region : framework.regions()) {
            if (region.group() != null) {
                groups.put(region.code(), region.group());
            }
        }
        return groups;
    }

    private static Map<String, Double> groupMeans(ScoringState state, int j) {
        Map<String, String> groups = groups(state.framework);
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < state.regionCount(); i++) {
            String group = groups.get(state.regions.get(i));
            if (group != null && state.eligible[i] && !Double.isNaN(state.raw[j][i])) {
                double[] sum = sums.computeIfAbsent(group, g -> new double[2]);
                sum[0] += state.raw[j][i];
                sum[1]++;
            }
        }
        Map<String, Double> means = new HashMap<>();
        sums.forEach((group, sum) -> means.put(group, sum[0] / sum[1]));
        return means;
    }
}

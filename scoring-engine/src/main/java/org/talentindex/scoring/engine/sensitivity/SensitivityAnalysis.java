package org.talentindex.scoring.engine.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.EvaluationOptions;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Dimension;
import org.talentindex.framework.Framework;
import org.talentindex.framework.Indicator;
import org.talentindex.framework.NormalisationMethod;

/**
 * Seeded Monte-Carlo uncertainty analysis of ranks: the same seed gives the same intervals. Percentiles use R's default estimator
 * (type 7). A region not ranked in a replication does not contribute to it.
 */
public final class SensitivityAnalysis {

    private SensitivityAnalysis() {
    }

    public static SensitivityResult run(Framework framework, ValueTable values, SensitivitySettings settings) {
        return run(framework, values, EvaluationOptions.NONE, settings);
    }

    /** {@code base}: the options every replication starts from (e.g. the earlier periods' values). */
    public static SensitivityResult run(Framework framework, ValueTable values, EvaluationOptions base, SensitivitySettings settings) {
        Evaluation nominal = FrameworkEvaluator.evaluate(framework, values, base);
        List<String> nodes = nodeCodes(framework);
        Map<String, double[]> ranks = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        nominal.ranking().forEach(r -> ranks.put(r.region(), new double[settings.runs()]));
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int run = 0; run < settings.runs(); run++) {
            Map<String, Double> multipliers = new HashMap<>();
            for (String node : nodes) {
                multipliers.put(node, 1 + settings.weightSpread() * (2 * random.nextDouble() - 1));
            }
            NormalisationMethod normalisation = settings.normalisations().isEmpty() ? null
                    : settings.normalisations().get(random.nextInt(settings.normalisations().size()));
            Evaluation replication = FrameworkEvaluator.evaluate(framework, values,
                    base.withWeightMultipliers(multipliers).withNormalisation(normalisation));
            for (RegionResult result : replication.ranking()) {
                double[] regionRanks = ranks.get(result.region());
                if (regionRanks != null) {
                    regionRanks[counts.merge(result.region(), 1, Integer::sum) - 1] = result.rank();
                }
            }
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        List<RankInterval> intervals = new ArrayList<>();
        for (RegionResult result : nominal.ranking()) {
            int count = counts.getOrDefault(result.region(), 0);
            double[] observed = Arrays.copyOf(ranks.get(result.region()), count);
            intervals.add(count == 0 ? new RankInterval(result.region(), result.rank(), Double.NaN, Double.NaN, Double.NaN)
                    : new RankInterval(result.region(), result.rank(), percentile.evaluate(observed, 5), percentile.evaluate(observed, 50),
                    percentile.evaluate(observed, 95)));
        }
        return new SensitivityResult(framework.id(), settings, intervals);
    }

    private static List<String> nodeCodes(Framework framework) {
        Set<String> codes = new LinkedHashSet<>();
        collect(framework.dimensions(), codes);
        return List.copyOf(codes);
    }

    private static void collect(List<Dimension> dimensions, Set<String> codes) {
        for (Dimension dimension : dimensions) {
            codes.add(dimension.code());
            dimension.indicators().stream().map(Indicator::code).forEach(codes::add);
            collect(dimension.dimensions(), codes);
        }
    }
}

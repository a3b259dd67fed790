package org.talentindex.scoring.engine.coupling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.EvaluationOptions;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.RegionStatus;
import org.talentindex.scoring.engine.compute.Ranking;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Dimension;
import org.talentindex.framework.Framework;

/**
 * Coupling coordination of n subsystems (the framework's top-level dimensions, each scored as a composite in [0, 1] without the final
 * rescale): C = n·(Π U_j)^(1/n) / Σ U_j (0 when Σ U_j = 0), T = Σ α_j U_j with α the top-level weights, D = sqrt(C·T).
 */
public final class CouplingCoordination {

    private CouplingCoordination() {
    }

    /** C, T and D for given subsystem indices and weights (weights sum to 1). */
    public static CouplingResult of(String region, Map<String, Double> subsystems, Map<String, Double> weights) {
        int n = subsystems.size();
        double sum = 0;
        double logProduct = 0;
        boolean zero = false;
        double comprehensive = 0;
        String lagging = null;
        for (Map.Entry<String, Double> entry : subsystems.entrySet()) {
            double u = entry.getValue();
            sum += u;
            zero |= u <= 0;
            logProduct += u > 0 ? Math.log(u) : 0;
            comprehensive += weights.get(entry.getKey()) * u;
            if (lagging == null || u < subsystems.get(lagging)) {
                lagging = entry.getKey();
            }
        }
        double coupling = zero || sum == 0 ? 0 : n * Math.exp(logProduct / n) / sum;
        double coordination = Math.sqrt(coupling * comprehensive);
        return new CouplingResult(region, subsystems, coupling, comprehensive, coordination, CoordinationGrade.of(coordination), lagging);
    }

    public static List<CouplingResult> evaluate(Framework framework, ValueTable values) {
        return evaluate(framework, values, EvaluationOptions.NONE);
    }

    public static List<CouplingResult> evaluate(Framework framework, ValueTable values, EvaluationOptions options) {
        return fromSubsystems(framework, subsystems(framework, values, options));
    }

    private static Evaluation subsystems(Framework framework, ValueTable values, EvaluationOptions options) {
        return FrameworkEvaluator.composite(framework.withRescale(null), values, options);
    }

    private static List<CouplingResult> fromSubsystems(Framework framework, Evaluation subsystems) {
        Map<String, Double> weights = new LinkedHashMap<>();
        framework.dimensions().forEach(d -> weights.put(d.code(), subsystems.weights().get(d.code())));
        List<CouplingResult> results = new ArrayList<>();
        for (RegionResult region : subsystems.regions()) {
            if (!region.ranked()) {
                continue;
            }
            Map<String, Double> indices = new LinkedHashMap<>();
            for (Dimension dimension : framework.dimensions()) {
                indices.put(dimension.code(), region.levelScores().get(dimension.code()));
            }
            if (indices.values().stream().noneMatch(v -> v == null)) {
                results.add(of(region.region(), indices, weights));
            }
        }
        return results;
    }

    /** As an {@link Evaluation}: score = D, ranked highest first; level scores = every dimension's index. */
    public static Evaluation evaluation(Framework framework, ValueTable values, EvaluationOptions options) {
        Evaluation subsystems = subsystems(framework, values, options);
        Map<String, CouplingResult> byRegion = new LinkedHashMap<>();
        fromSubsystems(framework, subsystems).forEach(r -> byRegion.put(r.region(), r));
        List<String> regions = subsystems.regions().stream().map(RegionResult::region).toList();
        double[] scores = new double[regions.size()];
        boolean[] ranked = new boolean[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            CouplingResult result = byRegion.get(regions.get(i));
            ranked[i] = result != null;
            scores[i] = ranked[i] ? result.coordination() : Double.NaN;
        }
        int[] ranks = Ranking.ranks(scores, ranked, regions, true);
        List<RegionResult> results = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            RegionResult base = subsystems.regions().get(i);
            results.add(new RegionResult(base.region(), ranked[i] ? RegionStatus.RANKED : RegionStatus.INSUFFICIENT_DATA, scores[i],
                    ranks[i], base.levelScores(), base.imputedIndicators(), base.indicatorScores(), base.previousRank()));
        }
        return new Evaluation(framework.id(), results, subsystems.weights(), subsystems.warnings(), subsystems.compositeWeights());
    }
}

package org.talentindex.scoring.engine.deviation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.EvaluationOptions;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.scoring.engine.RegionStatus;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.scoring.engine.compute.Ranking;
import org.talentindex.framework.Framework;
import org.talentindex.framework.Sector;

/**
 * Industry-talent structure deviation (M1): d_i = output share_i / employment share_i - 1, total D = Σ|d_i|, contribution_i = |d_i| / D.
 * A region is scored only when every sector has both shares and a non-zero employment share; no cross-region normalisation.
 */
public final class StructureDeviation {

    private StructureDeviation() {
    }

    public static double deviation(double outputShare, double employmentShare) {
        return outputShare / employmentShare - 1;
    }

    /** Total and contributions from already computed deviations (sector code -> d_i, in order). A zero total gives zero contributions. */
    public static DeviationResult fromDeviations(String region, Map<String, Double> deviations) {
        double total = deviations.values().stream().mapToDouble(Math::abs).sum();
        List<SectorDeviation> sectors = new ArrayList<>();
        deviations.forEach((sector, d) -> sectors.add(new SectorDeviation(sector, d, total == 0 ? 0 : Math.abs(d) / total,
                DeviationFlag.of(d))));
        return new DeviationResult(region, total, sectors);
    }

    public static Optional<DeviationResult> of(String region, List<Sector> sectors, ValueTable values) {
        Map<String, Double> deviations = new LinkedHashMap<>();
        for (Sector sector : sectors) {
            OptionalDouble output = values.get(region, sector.outputShare());
            OptionalDouble employment = values.get(region, sector.employmentShare());
            if (output.isEmpty() || employment.isEmpty() || employment.getAsDouble() == 0) {
                return Optional.empty();
            }
            deviations.put(sector.code(), deviation(output.getAsDouble(), employment.getAsDouble()));
        }
        return Optional.of(fromDeviations(region, deviations));
    }

    /** Every region of the table (and of the framework) that can be computed, sorted by region code. */
    public static List<DeviationResult> evaluate(Framework framework, ValueTable values) {
        List<DeviationResult> results = new ArrayList<>();
        for (String region : regions(framework, values)) {
            of(region, framework.sectors(), values).ifPresent(results::add);
        }
        return results;
    }

    /** As an {@link Evaluation}: score = total deviation, rank 1 = best fit (smallest total), level scores = sector deviations. */
    public static Evaluation evaluation(Framework framework, ValueTable values, EvaluationOptions options) {
        List<String> regions = List.copyOf(regions(framework, values));
        double[] totals = new double[regions.size()];
        boolean[] ranked = new boolean[regions.size()];
        List<Optional<DeviationResult>> computed = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Optional<DeviationResult> result = of(regions.get(i), framework.sectors(), values);
            computed.add(result);
            ranked[i] = result.isPresent();
            totals[i] = result.map(DeviationResult::total).orElse(Double.NaN);
        }
        int[] ranks = Ranking.ranks(totals, ranked, regions, false);
        List<RegionResult> results = new ArrayList<>();
        Map<String, RegionResult> previous = options.previous() == null ? Map.of() : options.previous().byRegion();
        for (int i = 0; i < regions.size(); i++) {
            int previousRank = previous.containsKey(regions.get(i)) ? previous.get(regions.get(i)).rank() : 0;
            Map<String, Double> levels = new LinkedHashMap<>();
            computed.get(i).ifPresent(r -> r.sectors().forEach(s -> levels.put(s.sector(), s.deviation())));
            results.add(new RegionResult(regions.get(i), ranked[i] ? RegionStatus.RANKED : RegionStatus.INSUFFICIENT_DATA, totals[i],
                    ranks[i], levels, Set.of(), Map.of(), previousRank));
        }
        return new Evaluation(framework.id(), results, Map.of(), List.of(), Map.of());
    }

    private static Set<String> regions(Framework framework, ValueTable values) {
        Set<String> regions = new TreeSet<>(values.regions());
        framework.regions().forEach(r -> regions.add(r.code()));
        return regions;
    }
}

package org.talentindex.framework;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An index framework as defined in its YAML file. {@code rescale} is null when scores are not rescaled; {@code sectors} is used by
 * structure-deviation frameworks (the share indicators of each sector) and early-warning ones (each sector is a top-level dimension),
 * {@code riskLevels} by early-warning ones (ascending {@code from}); {@code inputs} are the raw columns that derived indicators
 * read, declared under {@code inputs}.
 */
public record Framework(String id, LocalizedName names, String method, List<Region> regions, int precision, List<Dimension> dimensions,
                        Periods periods, Normalisation normalisation, Weighting weighting, AggregationMethod aggregation, Rescale rescale,
                        MissingDataPolicy missingData, OutlierPolicy outliers, List<DerivedIndicator> derived, List<Sector> sectors,
                        List<RiskLevel> riskLevels, List<InputColumn> inputs) {

    /** A plain composite: min-max to [0,1], equal weights, arithmetic means, no rescale, no missing-data rules. */
    public static Framework composite(String id, List<Dimension> dimensions) {
        return new Framework(id, new LocalizedName(id, id), FrameworkMethod.COMPOSITE.key(), List.of(), 2, dimensions, Periods.ANY,
                Normalisation.MIN_MAX_UNIT, new Weighting(WeightingMethod.EQUAL, Weighting.DEFAULT_ENTROPY_SHIFT),
                AggregationMethod.ARITHMETIC, null, MissingDataPolicy.NONE, OutlierPolicy.NONE, List.of(), List.of(), List.of(), List.of());
    }

    public FrameworkMethod kind() {
        return FrameworkMethod.parse(method);
    }

    /** Every indicator, in file order. */
    public List<Indicator> indicators() {
        List<Indicator> all = new ArrayList<>();
        collect(dimensions, all);
        return all;
    }

    private static void collect(List<Dimension> dimensions, List<Indicator> into) {
        for (Dimension dimension : dimensions) {
            into.addAll(dimension.indicators());
            collect(dimension.dimensions(), into);
        }
    }

    /**
     * The columns a values table for this framework is made of: the scored indicators that are not derived, the inputs of derived
     * indicators and the denominators (what ingestion has to accept), in file order.
     */
    public List<String> inputColumns() {
        Set<String> derivedCodes = new HashSet<>();
        derived.forEach(d -> derivedCodes.add(d.code()));
        Set<String> columns = new LinkedHashSet<>();
        for (Indicator indicator : indicators()) {
            if (!derivedCodes.contains(indicator.code())) {
                columns.add(indicator.code());
            }
            if (indicator.denominator() != null) {
                columns.add(indicator.denominator().indicator());
            }
        }
        derived.forEach(d -> d.inputs().stream().filter(in -> !derivedCodes.contains(in)).forEach(columns::add));
        return List.copyOf(columns);
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Rescale> rescaling() {
        return Optional.ofNullable(rescale);
    }

    public Framework withNormalisation(Normalisation other) {
        return new Framework(id, names, method, regions, precision, dimensions, periods, other, weighting, aggregation, rescale,
                missingData, outliers, derived, sectors, riskLevels, inputs);
    }

    public Framework withRescale(Rescale other) {
        return new Framework(id, names, method, regions, precision, dimensions, periods, normalisation, weighting, aggregation, other,
                missingData, outliers, derived, sectors, riskLevels, inputs);
    }

    public Framework withMissingData(MissingDataPolicy other) {
        return new Framework(id, names, method, regions, precision, dimensions, periods, normalisation, weighting, aggregation, rescale,
                other, outliers, derived, sectors, riskLevels, inputs);
    }

    public Framework withOutliers(OutlierPolicy other) {
        return new Framework(id, names, method, regions, precision, dimensions, periods, normalisation, weighting, aggregation, rescale,
                missingData, other, derived, sectors, riskLevels, inputs);
    }

    public Framework withWeighting(Weighting other) {
        return new Framework(id, names, method, regions, precision, dimensions, periods, normalisation, other, aggregation, rescale,
                missingData, outliers, derived, sectors, riskLevels, inputs);
    }

    public Framework withRegions(List<Region> other) {
        return new Framework(id, names, method, other, precision, dimensions, periods, normalisation, weighting, aggregation, rescale,
                missingData, outliers, derived, sectors, riskLevels, inputs);
    }

    /** The regions that are sums of other regions of the framework. */
    public List<Region> aggregates() {
        return regions.stream().filter(region -> !region.members().isEmpty()).toList();
    }

    /** The observed columns that add up across regions (counts), as an aggregate region is summed from its members. */
    public Set<String> additiveColumns() {
        Set<String> additive = new LinkedHashSet<>();
        indicators().stream().filter(i -> i.measure() == MeasureType.COUNT).forEach(i -> additive.add(i.code()));
        inputs.stream().filter(i -> i.measure() == MeasureType.COUNT).forEach(i -> additive.add(i.code()));
        additive.retainAll(inputColumns());
        return additive;
    }

    public Framework withAggregation(AggregationMethod other) {
        return new Framework(id, names, method, regions, precision, dimensions, periods, normalisation, weighting, other, rescale,
                missingData, outliers, derived, sectors, riskLevels, inputs);
    }
}

package org.talentindex.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an observation of one indicator code means wherever it is used: its unit, measure and valid range, with its
 * names and the frameworks that use it. Scored indicators that are derived are computed, not observed, and have none.
 */
public record IndicatorDefinition(String code, LocalizedName names, String unit, MeasureType measure, ValueRange range,
                                  Set<String> frameworkIds) {

    /** The indicators a framework reads from observations: its scored ones that are not derived, and its input columns. */
    static List<IndicatorDefinition> observedBy(Framework framework) {
        List<IndicatorDefinition> observed = new ArrayList<>();
        Set<String> columns = Set.copyOf(framework.inputColumns());
        Set<String> frameworkIds = Set.of(framework.id());
        for (Indicator indicator : framework.indicators()) {
            if (columns.contains(indicator.code())) {
                observed.add(new IndicatorDefinition(indicator.code(), indicator.names(), indicator.unit(), indicator.measure(),
                        indicator.range(), frameworkIds));
            }
        }
        for (InputColumn input : framework.inputs()) {
            observed.add(new IndicatorDefinition(input.code(), input.names(), input.unit(), input.measure(), input.range(), frameworkIds));
        }
        return observed;
    }

    boolean sameQuantityAs(IndicatorDefinition other) {
        return unit.equals(other.unit) && measure == other.measure && range.equals(other.range);
    }

    IndicatorDefinition usedAlsoBy(IndicatorDefinition other) {
        Set<String> all = new TreeSet<>(frameworkIds);
        all.addAll(other.frameworkIds);
        return new IndicatorDefinition(code, names, unit, measure, range, Set.copyOf(all));
    }

    String describe() {
        return "unit '" + unit + "', " + measure.name().toLowerCase(java.util.Locale.ROOT) + ", range " + range.min() + " to " + range.max();
    }
}

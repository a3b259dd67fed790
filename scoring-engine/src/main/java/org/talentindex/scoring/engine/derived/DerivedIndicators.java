package org.talentindex.scoring.engine.derived;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntFunction;

import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.DerivedFormula;
import org.talentindex.framework.DerivedIndicator;

/**
 * Computes derived indicators (density, per-10k, share of total, growth, CAGR) from base indicators, in dependency order. A derived cell
 * is absent when an input is absent or a denominator is zero.
 */
public final class DerivedIndicators {

    private DerivedIndicators() {
    }

    /**
     * @param periodsBack the values table {@code k} periods before {@code current} (null when unknown), for growth and CAGR
     * @return a copy of {@code current} with the derived columns added
     */
    public static ValueTable apply(List<DerivedIndicator> definitions, ValueTable current, IntFunction<ValueTable> periodsBack) {
        ValueTable result = new ValueTable(current);
        List<DerivedIndicator> pending = new ArrayList<>(definitions);
        while (!pending.isEmpty()) {
            DerivedIndicator next = pending.stream().filter(d -> d.inputs().stream().noneMatch(in -> pending.stream()
                    .anyMatch(p -> p.code().equals(in)))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("derived indicators form a cycle: " + pending));
            compute(next, result, periodsBack);
            pending.remove(next);
        }
        return result;
    }

    private static void compute(DerivedIndicator definition, ValueTable table, IntFunction<ValueTable> periodsBack) {
        List<String> regions = new ArrayList<>(table.regions());
        double total = definition.formula() == DerivedFormula.SHARE_OF_TOTAL
                ? sum(table, regions, definition.inputs().get(0)) : Double.NaN;
        ValueTable base = periodsBack.apply(definition.years());
        for (String region : regions) {
            OptionalDouble value = value(definition, table, region, total, base);
            if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
                table.put(region, definition.code(), value.getAsDouble() * definition.scale());
            }
        }
    }

    private static OptionalDouble value(DerivedIndicator definition, ValueTable table, String region, double total, ValueTable base) {
        List<String> in = definition.inputs();
        OptionalDouble a = table.get(region, in.get(0));
        OptionalDouble b = in.size() > 1 ? table.get(region, in.get(1)) : OptionalDouble.empty();
        OptionalDouble start = base == null ? OptionalDouble.empty() : base.get(region, in.get(0));
        return switch (definition.formula()) {
            case RATIO -> both(a, b) ? OptionalDouble.of(a.getAsDouble() / b.getAsDouble()) : OptionalDouble.empty();
            case DIFFERENCE -> both(a, b) ? OptionalDouble.of(a.getAsDouble() - b.getAsDouble()) : OptionalDouble.empty();
            case SUM -> sumOf(table, region, in);
            case SHARE_OF_TOTAL -> a.isPresent() && total != 0 ? OptionalDouble.of(a.getAsDouble() / total) : OptionalDouble.empty();
            case GROWTH -> both(a, start) ? OptionalDouble.of(growth(start.getAsDouble(), a.getAsDouble())) : OptionalDouble.empty();
            case CAGR -> both(a, start) ? OptionalDouble.of(cagr(start.getAsDouble(), a.getAsDouble(), definition.years()))
                    : OptionalDouble.empty();
        };
    }

    /** end/start - 1. */
    public static double growth(double start, double end) {
        return end / start - 1;
    }

    /** (end/start)^(1/years) - 1. */
    public static double cagr(double start, double end, double years) {
        return Math.pow(end / start, 1 / years) - 1;
    }

    private static OptionalDouble sumOf(ValueTable table, String region, List<String> inputs) {
        double sum = 0;
        for (String input : inputs) {
            OptionalDouble value = table.get(region, input);
            if (value.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += value.getAsDouble();
        }
        return OptionalDouble.of(sum);
    }

    private static double sum(ValueTable table, List<String> regions, String indicator) {
        return regions.stream().mapToDouble(r -> table.get(r, indicator).orElse(0)).sum();
    }

    private static boolean both(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent();
    }
}

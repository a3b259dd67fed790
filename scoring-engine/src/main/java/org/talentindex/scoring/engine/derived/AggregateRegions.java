package org.talentindex.scoring.engine.derived;

import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

import org.talentindex.framework.Framework;
import org.talentindex.framework.Region;
import org.talentindex.scoring.engine.ValueTable;

/**
 * Aggregate regions (JJJ = Beijing + Tianjin + Hebei) summed from their members, for the columns that add up (counts).
 * A figure sent for the aggregate itself is kept, and checked against the sum of its members.
 */
public final class AggregateRegions {

    /** Published totals are rounded: a sent aggregate within 0.05 % of its members' sum agrees with it. */
    static final double RELATIVE_TOLERANCE = 5e-4;

    private AggregateRegions() {
    }

    /** The values with the framework's aggregates summed; a sent aggregate that differs from its sum adds a warning. */
    public static ValueTable withSums(Framework framework, ValueTable values, List<String> warnings) {
        if (framework.aggregates().isEmpty()) {
            return values;
        }
        ValueTable table = new ValueTable(values);
        for (Region aggregate : framework.aggregates()) {
            sum(table, aggregate.code(), aggregate.members(), framework.additiveColumns(), warnings);
        }
        return table;
    }

    /** Puts each column's sum over the members into the aggregate's row where every member has a value and the row none. */
    public static void sum(ValueTable table, String aggregate, Collection<String> members, Collection<String> columns, List<String> warnings) {
        for (String column : columns) {
            OptionalDouble sum = sumOf(table, members, column);
            OptionalDouble sent = table.get(aggregate, column);
            if (sum.isEmpty()) {
                continue;
            }
            if (sent.isEmpty()) {
                table.put(aggregate, column, sum.getAsDouble());
            } else if (Math.abs(sent.getAsDouble() - sum.getAsDouble()) > RELATIVE_TOLERANCE * Math.abs(sum.getAsDouble())) {
                warnings.add(aggregate + " " + column + ": " + sent.getAsDouble() + " sent, its members " + members + " sum to "
                        + sum.getAsDouble());
            }
        }
    }

    private static OptionalDouble sumOf(ValueTable table, Collection<String> regions, String column) {
        double sum = 0;
        for (String region : regions) {
            OptionalDouble value = table.get(region, column);
            if (value.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += value.getAsDouble();
        }
        return OptionalDouble.of(sum);
    }
}

package org.talentindex.ingestion.validation;

import java.util.Map;
import java.util.OptionalDouble;

/** Known units as multiples of a base unit of the same quantity, so that e.g. 万人 converts to persons and % to a ratio. */
final class Units {

    private record Unit(String quantity, double factor) {
    }

    private static final Map<String, Unit> KNOWN = Map.ofEntries(
            Map.entry("人", new Unit("persons", 1)),
            Map.entry("persons", new Unit("persons", 1)),
            Map.entry("万人", new Unit("persons", 1e4)),
            Map.entry("元", new Unit("yuan", 1)),
            Map.entry("yuan", new Unit("yuan", 1)),
            Map.entry("万元", new Unit("yuan", 1e4)),
            Map.entry("亿元", new Unit("yuan", 1e8)),
            Map.entry("件", new Unit("items", 1)),
            Map.entry("万件", new Unit("items", 1e4)),
            Map.entry("ratio", new Unit("ratio", 1)),
            Map.entry("%", new Unit("ratio", 0.01)));

    private Units() {
    }

    /** The factor that turns a value in {@code from} into {@code to}, if both are known units of the same quantity. */
    static OptionalDouble conversionFactor(String from, String to) {
        if (from.equals(to)) {
            return OptionalDouble.of(1);
        }
        Unit source = KNOWN.get(from);
        Unit target = KNOWN.get(to);
        if (source == null || target == null || !source.quantity().equals(target.quantity())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(source.factor() / target.factor());
    }
}

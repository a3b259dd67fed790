package org.talentindex.ingestion.validation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Known units as multiples of a base unit of the same quantity, so that e.g. 万人 converts to persons, 亿元 to 万元 and
 * % to a ratio. Units are matched after trimming; Latin names ignore case. The table is documented in docs/ingestion.md.
 */
final class Units {

    private record Unit(String quantity, double factor) {
    }

    private static final Map<String, Unit> KNOWN = new HashMap<>();

    static {
        define("persons", 1, "人", "persons", "people", "number of people");
        define("persons", 1e3, "千人", "thousand persons", "thousands people", "thousand people");
        define("persons", 1e4, "万人", "ten thousand persons");
        define("persons", 1e6, "百万人", "million persons", "million people");
        define("persons", 1e8, "亿人");
        define("person-years", 1, "人年", "person-years");
        define("person-years", 1e4, "万人年");
        define("yuan", 1, "元", "yuan", "cny", "rmb");
        define("yuan", 1e3, "千元");
        define("yuan", 1e4, "万元");
        define("yuan", 1e6, "百万元", "million yuan");
        define("yuan", 1e8, "亿元", "hundred million yuan");
        define("yuan", 1e9, "billion yuan");
        define("yuan", 1e12, "万亿元", "trillion yuan");
        define("usd", 1, "usd", "current usd", "美元");
        define("usd", 1e4, "万美元");
        define("usd", 1e6, "million usd", "百万美元");
        define("usd", 1e8, "亿美元");
        define("usd", 1e9, "billion usd");
        define("usd", 1e12, "trillion usd");
        define("items", 1, "件", "items", "number");
        define("items", 1e4, "万件");
        define("ratio", 1, "ratio", "比率");
        define("ratio", 0.01, "%", "percent", "百分比");
        define("ratio", 0.001, "‰", "permille");
    }

    private Units() {
    }

    private static void define(String quantity, double factor, String... names) {
        for (String name : names) {
            KNOWN.put(normalise(name), new Unit(quantity, factor));
        }
    }

    private static String normalise(String unit) {
        return unit.strip().toLowerCase(Locale.ROOT);
    }

    /** The factor that turns a value in {@code from} into {@code to}, if both are known units of the same quantity. */
    static OptionalDouble conversionFactor(String from, String to) {
        if (from.equals(to)) {
            return OptionalDouble.of(1);
        }
        Unit source = KNOWN.get(normalise(from));
        Unit target = KNOWN.get(normalise(to));
        if (source == null || target == null || !source.quantity().equals(target.quantity())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(source.factor() / target.factor());
    }
}

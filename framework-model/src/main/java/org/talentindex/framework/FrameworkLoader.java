package org.talentindex.framework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads framework definitions (YAML) and rejects malformed ones with the file, the line, the path inside it and the reason. */
public final class FrameworkLoader {

    /** A key given twice is refused, not resolved silently to its last value. */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private static final Set<String> TOP_KEYS = Set.of("id", "names", "description", "method", "regions", "periods", "precision",
            "normalisation", "weighting", "aggregation", "rescale", "missing-data", "outliers", "derived", "inputs", "sectors",
            "risk-levels", "dimensions");
    private static final Set<String> DIMENSION_KEYS = Set.of("code", "names", "description", "weight", "weighting", "aggregation",
            "dimensions", "indicators");
    private static final Set<String> INDICATOR_KEYS = Set.of("code", "names", "description", "unit", "direction", "measure", "range",
            "weight", "denominator", "target");

    private FrameworkLoader() {
    }

    /** Every definition file ({@code *.yaml}, {@code *.yml}) directly in {@code directory}, sorted by file name. */
    public static List<Path> definitionFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list framework definitions in " + directory.toAbsolutePath(), e);
        }
    }

    public static Framework load(Path file) {
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read framework definition " + file, e);
        }
    }

    public static Framework parse(String yaml, String sourceName) {
        try {
            return parse(readTree(yaml, sourceName), sourceName);
        } catch (FrameworkDefinitionException e) {
            throw e.atLine(YamlLocations.of(yaml).line(e.path()));
        }
    }

    private static JsonNode readTree(String yaml, String sourceName) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new FrameworkDefinitionException(sourceName, "/", "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A definition already read as a tree; a refusal names the path in it, without the line, which the caller knows. */
    static Framework parse(JsonNode tree, String sourceName) {
        if (tree == null || !tree.isObject()) {
            throw new FrameworkDefinitionException(sourceName, "/", "a framework definition must be a mapping");
        }
        YamlNode root = new YamlNode(tree, sourceName, "").allowOnly(TOP_KEYS);
        String id = root.required("id").text();
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw root.child("id").error("must be lower-case letters, digits and '-'");
        }
        FrameworkMethod method = root.parsed("method", "composite", FrameworkMethod::parse);
        Weighting weighting = weighting(root);
        AggregationMethod aggregation = aggregationMethod(root);
        YamlNode dimensionList = root.list("dimensions");
        if (dimensionList.size() == 0) {
            throw dimensionList.error("at least one dimension is required");
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (int i = 0; i < dimensionList.size(); i++) {
            dimensions.add(dimension(dimensionList.element(i)));
        }
        Framework framework = new Framework(id, names(root), method.key(), regions(root), precision(root), dimensions, periods(root),
                normalisation(root), weighting, aggregation, rescale(root), missingData(root), outliers(root), derived(root),
                sectors(root), riskLevels(root), inputs(root));
        FrameworkValidator.validate(framework, root);
        return framework;
    }

    private static int precision(YamlNode root) {
        double precision = root.number("precision", 2);
        if (precision < 0 || precision > 10 || precision != Math.rint(precision)) {
            throw root.child("precision").error("must be a whole number of decimals between 0 and 10");
        }
        return (int) precision;
    }

    private static LocalizedName names(YamlNode node) {
        if (!node.has("names")) {
            return new LocalizedName("", "");
        }
        YamlNode names = node.child("names").allowOnly(Set.of("zh", "en"));
        return new LocalizedName(names.text("zh", ""), names.text("en", ""));
    }

    private static List<Region> regions(YamlNode root) {
        YamlNode list = root.list("regions");
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            YamlNode region = list.element(i).allowOnly(Set.of("code", "names", "group"));
            regions.add(new Region(region.required("code").text(), names(region), region.text("group", null)));
        }
        return regions;
    }

    private static Periods periods(YamlNode root) {
        if (!root.has("periods")) {
            return Periods.ANY;
        }
        YamlNode periods = root.child("periods").allowOnly(Set.of("from", "to"));
        return new Periods((int) periods.number("from", Integer.MIN_VALUE), (int) periods.number("to", Integer.MAX_VALUE));
    }

    private static Normalisation normalisation(YamlNode root) {
        if (!root.has("normalisation")) {
            return Normalisation.MIN_MAX_UNIT;
        }
        YamlNode node = root.child("normalisation").allowOnly(Set.of("method", "low", "high", "a", "b", "mean", "sd", "reference-region",
                "cap"));
        String name = node.required("method").text();
        NormalisationMethod method = node.parsed("method", name, NormalisationMethod::parse);
        double low = node.number("low", 0);
        double high = node.number("high", 1);
        if ("efficacy-coefficient".equals(name)) {
            low = node.required("a").number();
            high = low + node.required("b").number();
        }
        if (high <= low && (method == NormalisationMethod.MIN_MAX || method == NormalisationMethod.PERCENTILE)) {
            throw node.error("the upper bound must exceed the lower bound");
        }
        boolean cap = node.has("cap") && node.child("cap").node().asBoolean();
        return new Normalisation(method, low, high, node.number("mean", 0), node.number("sd", 1), node.text("reference-region", null), cap);
    }

    private static Weighting weighting(YamlNode root) {
        if (!root.has("weighting")) {
            return new Weighting(WeightingMethod.EQUAL, Weighting.DEFAULT_ENTROPY_SHIFT);
        }
        YamlNode node = root.child("weighting").allowOnly(Set.of("method", "entropy-shift"));
        double shift = node.number("entropy-shift", Weighting.DEFAULT_ENTROPY_SHIFT);
        if (shift < 0) {
            throw node.child("entropy-shift").error("must not be negative");
        }
        return new Weighting(node.parsed("method", "equal", WeightingMethod::parse), shift);
    }

    private static AggregationMethod aggregationMethod(YamlNode root) {
        if (!root.has("aggregation")) {
            return AggregationMethod.ARITHMETIC;
        }
        return root.child("aggregation").allowOnly(Set.of("method")).parsed("method", "arithmetic", AggregationMethod::parse);
    }

    private static Rescale rescale(YamlNode root) {
        if (!root.has("rescale")) {
            return null;
        }
        YamlNode node = root.child("rescale").allowOnly(Set.of("min", "max", "levels"));
        double min = node.required("min").number();
        double max = node.required("max").number();
        if (max <= min) {
            throw node.child("max").error("must exceed min");
        }
        String levels = node.text("levels", "composite");
        if (!levels.equals("composite") && !levels.equals("all")) {
            throw node.child("levels").error("must be composite or all");
        }
        return new Rescale(min, max, levels.equals("all"));
    }

    private static MissingDataPolicy missingData(YamlNode root) {
        if (!root.has("missing-data")) {
            return MissingDataPolicy.NONE;
        }
        YamlNode node = root.child("missing-data").allowOnly(Set.of("min-region-coverage", "min-indicator-coverage", "imputation"));
        return new MissingDataPolicy(fraction(node, "min-region-coverage"), fraction(node, "min-indicator-coverage"),
                node.parsed("imputation", "none", Imputation::parse));
    }

    private static double fraction(YamlNode node, String field) {
        double value = node.number(field, 0);
        if (value < 0 || value > 1) {
            throw node.child(field).error("must be a fraction between 0 and 1");
        }
        return value;
    }

    private static OutlierPolicy outliers(YamlNode root) {
        if (!root.has("outliers")) {
            return OutlierPolicy.NONE;
        }
        YamlNode node = root.child("outliers").allowOnly(Set.of("method", "skew", "kurtosis", "max-points", "fallback"));
        String method = node.text("method", "none");
        if (!method.equals("none") && !method.equals("winsorise")) {
            throw node.child("method").error("must be winsorise or none");
        }
        String fallback = node.text("fallback", "log");
        if (!fallback.equals("log") && !fallback.equals("none")) {
            throw node.child("fallback").error("must be log or none");
        }
        return new OutlierPolicy(method.equals("winsorise"), node.number("skew", 2), node.number("kurtosis", 3.5),
                (int) node.number("max-points", 5), fallback.equals("log"));
    }

    /** Raw columns that only feed derived indicators or denominators: declared for the catalogue (unit, range), not scored. */
    private static List<InputColumn> inputs(YamlNode root) {
        YamlNode list = root.list("inputs");
        List<InputColumn> inputs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            YamlNode node = list.element(i).allowOnly(Set.of("code", "names", "description", "unit", "measure", "range"));
            inputs.add(new InputColumn(node.required("code").text(), names(node), node.required("unit").text(), measure(node), range(node)));
        }
        return inputs;
    }

    private static List<DerivedIndicator> derived(YamlNode root) {
        YamlNode list = root.list("derived");
        List<DerivedIndicator> derived = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            YamlNode node = list.element(i).allowOnly(Set.of("code", "formula", "inputs", "scale", "years", "description"));
            DerivedFormula formula = node.parsed("formula", null, DerivedFormula::parse);
            YamlNode inputList = node.list("inputs");
            List<String> inputs = new ArrayList<>();
            for (int k = 0; k < inputList.size(); k++) {
                inputs.add(inputList.element(k).text());
            }
            if (formula.arity() > 0 ? inputs.size() != formula.arity() : inputs.isEmpty()) {
                throw inputList.error(formula.name().toLowerCase(Locale.ROOT) + " takes "
                        + (formula.arity() > 0 ? formula.arity() : "one or more") + " inputs, not " + inputs.size());
            }
            int years = (int) node.number("years", 1);
            if (years < 1) {
                throw node.child("years").error("must be at least 1");
            }
            derived.add(new DerivedIndicator(node.required("code").text(), formula, inputs, node.number("scale", 1), years));
        }
        return derived;
    }

    private static List<Sector> sectors(YamlNode root) {
        YamlNode list = root.list("sectors");
        List<Sector> sectors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            YamlNode node = list.element(i).allowOnly(Set.of("code", "names", "output-share", "employment-share"));
            sectors.add(new Sector(node.required("code").text(), names(node), node.text("output-share", null),
                    node.text("employment-share", null)));
        }
        return sectors;
    }

    private static List<RiskLevel> riskLevels(YamlNode root) {
        YamlNode list = root.list("risk-levels");
        List<RiskLevel> levels = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            YamlNode node = list.element(i).allowOnly(Set.of("code", "names", "from"));
            RiskLevel level = new RiskLevel(node.required("code").text(), names(node), node.required("from").number());
            if (!levels.isEmpty() && level.from() <= levels.get(levels.size() - 1).from()) {
                throw node.child("from").error("risk levels must be listed with strictly increasing thresholds");
            }
            levels.add(level);
        }
        return levels;
    }

    private static Dimension dimension(YamlNode node) {
        node.allowOnly(DIMENSION_KEYS);
        String code = node.required("code").text();
        YamlNode childList = node.list("dimensions");
        YamlNode indicatorList = node.list("indicators");
        if ((childList.size() == 0) == (indicatorList.size() == 0)) {
            throw node.error("a dimension holds either dimensions or indicators (exactly one of the two, not empty)");
        }
        List<Dimension> children = new ArrayList<>();
        for (int i = 0; i < childList.size(); i++) {
            children.add(dimension(childList.element(i)));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < indicatorList.size(); i++) {
            indicators.add(indicator(indicatorList.element(i)));
        }
        WeightingMethod weighting = node.has("weighting") ? node.parsed("weighting", null, WeightingMethod::parse) : null;
        AggregationMethod aggregation = node.has("aggregation") ? node.parsed("aggregation", null, AggregationMethod::parse) : null;
        return new Dimension(code, names(node), children, indicators, weight(node), weighting, aggregation);
    }

    private static Indicator indicator(YamlNode node) {
        node.allowOnly(INDICATOR_KEYS);
        Denominator denominator = null;
        if (node.has("denominator")) {
            YamlNode denominatorNode = node.child("denominator").allowOnly(Set.of("indicator", "scale"));
            denominator = new Denominator(denominatorNode.required("indicator").text(), denominatorNode.number("scale", 1));
        }
        return new Indicator(node.required("code").text(), names(node), node.text("unit", ""),
                node.parsed("direction", "+", Direction::parse), measure(node), range(node), weight(node), denominator,
                node.optionalNumber("target"));
    }

    private static MeasureType measure(YamlNode node) {
        return node.parsed("measure", "continuous", name -> MeasureType.valueOf(name.toUpperCase(Locale.ROOT)));
    }

    private static ValueRange range(YamlNode node) {
        if (!node.has("range")) {
            return ValueRange.UNBOUNDED;
        }
        YamlNode rangeNode = node.child("range").allowOnly(Set.of("min", "max"));
        ValueRange range = new ValueRange(rangeNode.number("min", Double.NEGATIVE_INFINITY), rangeNode.number("max", Double.POSITIVE_INFINITY));
        if (range.min() > range.max()) {
            throw rangeNode.error("min exceeds max");
        }
        return range;
    }

    private static Double weight(YamlNode node) {
        Double weight = node.optionalNumber("weight");
        if (weight != null && weight < 0) {
            throw node.child("weight").error("must not be negative");
        }
        return weight;
    }
}

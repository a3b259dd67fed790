package org.talentindex.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every framework of a directory, read and checked as one set: each file against {@code contracts/framework.schema.json}
 * and the loader's rules, and the files against each other. Indicator codes are global: an observation names an
 * indicator, not a framework, and feeds every framework that uses it, so one code has one unit, measure and range
 * wherever it is defined; two definitions that differ are refused with both places. Directions and weights are each
 * framework's own. A catalogue is only made whole: any problem refuses the directory, naming every problem found.
 */
public final class FrameworkCatalogue {

    private static final JsonSchema SCHEMA = schema();

    private final Map<String, Framework> frameworks;
    private final Map<String, IndicatorDefinition> indicators;
    private final RegionCatalogue regions;

    private FrameworkCatalogue(Map<String, Framework> frameworks, Map<String, IndicatorDefinition> indicators, RegionCatalogue regions) {
        this.frameworks = frameworks;
        this.indicators = indicators;
        this.regions = regions;
    }

    public static FrameworkCatalogue load(Path directory) {
        RegionCatalogue regions = RegionCatalogue.load(directory);
        List<String> problems = new ArrayList<>();
        Map<String, Framework> frameworks = new TreeMap<>();
        Map<String, String> fileOfFramework = new HashMap<>();
        Map<String, Located> firstDefinitions = new LinkedHashMap<>();
        Map<String, IndicatorDefinition> indicators = new TreeMap<>();
        for (Path file : FrameworkLoader.definitionFiles(directory)) {
            String name = file.getFileName().toString();
            String yaml = read(file);
            YamlLocations locations = YamlLocations.of(yaml);
            JsonNode tree;
            try {
                tree = FrameworkLoader.YAML.readTree(yaml);
            } catch (JsonProcessingException e) {
                problems.add(name + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + ": not valid YAML: "
                        + e.getOriginalMessage());
                continue;
            }
            List<String> schemaProblems = schemaProblems(tree, name, locations);
            if (!schemaProblems.isEmpty()) {
                problems.addAll(schemaProblems);
                continue;
            }
            Framework framework;
            try {
                framework = FrameworkLoader.parse(tree, name);
            } catch (FrameworkDefinitionException e) {
                problems.add(e.atLine(locations.line(e.path())).getMessage());
                continue;
            }
            String earlier = fileOfFramework.putIfAbsent(framework.id(), name);
            if (earlier != null) {
                problems.add(name + ":" + locations.line("/id") + ": framework " + framework.id() + " is defined in " + earlier + " too");
                continue;
            }
            framework = withCatalogueAggregates(framework, regions);
            frameworks.put(framework.id(), framework);
            problems.addAll(regionProblems(framework, name, locations, regions));
            for (IndicatorDefinition definition : IndicatorDefinition.observedBy(framework)) {
                indicators.merge(definition.code(), definition, IndicatorDefinition::usedAlsoBy);
                Located here = new Located(definition, name, locations.line(pointerOf(locations, definition.code())));
                Located first = firstDefinitions.putIfAbsent(definition.code(), here);
                if (first != null && !first.definition().sameQuantityAs(definition)) {
                    problems.add("indicator " + definition.code() + " is defined differently in " + first.place() + " ("
                            + first.definition().describe() + ") and " + here.place() + " (" + definition.describe() + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new FrameworkCatalogueException(directory, problems);
        }
        return new FrameworkCatalogue(Collections.unmodifiableMap(frameworks), Collections.unmodifiableMap(indicators), regions);
    }

    /** In the order of their ids. */
    public Collection<Framework> frameworks() {
        return frameworks.values();
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    /** Every indicator an observation may name, with the frameworks that use it. */
    public Map<String, IndicatorDefinition> indicators() {
        return indicators;
    }

    public Optional<IndicatorDefinition> indicator(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    public RegionCatalogue regions() {
        return regions;
    }

    /** A catalogue aggregate the framework lists is the sum of its members: the region carries them. */
    private static Framework withCatalogueAggregates(Framework framework, RegionCatalogue regions) {
        return framework.withRegions(framework.regions().stream()
                .map(region -> regions.region(region.code()).filter(known -> known.kind() == CatalogueRegion.Kind.AGGREGATE)
                        .map(aggregate -> region.withMembers(aggregate.members())).orElse(region))
                .toList());
    }

    /**
     * A framework region is either a catalogue code or one of the framework's own (an industry, a country, a district, a
     * synthetic city): one of its own that bears a catalogue region's Chinese name is that region under another code,
     * and is refused. English names are not compared: they repeat across levels (Chaoyang district and Chaoyang city).
     */
    private static List<String> regionProblems(Framework framework, String file, YamlLocations locations, RegionCatalogue regions) {
        List<String> problems = new ArrayList<>();
        for (Region region : framework.regions()) {
            if (regions.contains(region.code())) {
                continue;
            }
            regions.codeForChineseName(region.names().zh()).ifPresent(code -> problems.add(file + ":" + locations.line(locations.pointerOfCode("regions", region.code()))
                    + ": region " + region.code() + " (" + region.names().zh() + ", " + region.names().en() + ") is the catalogue's "
                    + code + ": use that code"));
        }
        return problems;
    }

    private record Located(IndicatorDefinition definition, String file, int line) {

        String place() {
            return file + ":" + line;
        }
    }

    private static String pointerOf(YamlLocations locations, String code) {
        String inDimensions = locations.pointerOfCode("dimensions", code);
        return inDimensions != null ? inDimensions : String.valueOf(locations.pointerOfCode("inputs", code));
    }

    private static List<String> schemaProblems(JsonNode tree, String name, YamlLocations locations) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(tree)) {
            String pointer = message.getInstanceLocation().toString();
            problems.add(name + ":" + locations.line(pointer) + ": " + message.getMessage());
        }
        return problems;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read framework definition " + file, e);
        }
    }

    private static JsonSchema schema() {
        try (InputStream in = FrameworkCatalogue.class.getResourceAsStream("framework.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("The framework schema is missing from the class path", e);
        }
    }
}

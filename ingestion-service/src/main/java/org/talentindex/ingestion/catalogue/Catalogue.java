package org.talentindex.ingestion.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Indicators and framework coverage, read from the framework definitions in {@code talentindex.frameworks.dir}; regions
 * from the {@link RegionCatalogue} plus those the frameworks list.
 */
@ApplicationScoped
public class Catalogue {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ConfigProperty(name = "talentindex.frameworks.dir")
    Path frameworksDirectory;

    @Inject
    RegionCatalogue regionCatalogue;

    private volatile Map<String, IndicatorSpec> indicators = Map.of();
    private volatile Map<String, FrameworkEntry> frameworks = Map.of();

    @PostConstruct
    void load() {
        Map<String, IndicatorSpec> loadedIndicators = new HashMap<>();
        Map<String, FrameworkEntry> loadedFrameworks = new HashMap<>();
        for (Path file : frameworkFiles()) {
            JsonNode root = readYaml(file);
            String frameworkId = root.path("id").asText();
            Set<String> regions = new HashSet<>();
            root.path("regions").forEach(region -> regions.add(region.path("code").asText()));
            JsonNode periods = root.path("periods");
            loadedFrameworks.put(frameworkId, new FrameworkEntry(frameworkId, Set.copyOf(regions),
                    periods.path("from").asInt(1900), periods.path("to").asInt(2100)));
            collectIndicators(root.path("dimensions"), frameworkId, loadedIndicators);
            root.path("inputs").forEach(input -> addIndicator(input, frameworkId, loadedIndicators));
        }
        indicators = Map.copyOf(loadedIndicators);
        frameworks = Map.copyOf(loadedFrameworks);
        Log.infof("Catalogue: %d frameworks, %d indicators from %s", frameworks.size(), indicators.size(), frameworksDirectory.toAbsolutePath());
    }

    private List<Path> frameworkFiles() {
        try (Stream<Path> files = Files.list(frameworksDirectory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list framework definitions in " + frameworksDirectory.toAbsolutePath(), e);
        }
    }

    private static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read framework definition " + file, e);
        }
    }

    private static void collectIndicators(JsonNode dimensions, String frameworkId, Map<String, IndicatorSpec> into) {
        for (JsonNode dimension : dimensions) {
            dimension.path("indicators").forEach(indicator -> addIndicator(indicator, frameworkId, into));
            collectIndicators(dimension.path("dimensions"), frameworkId, into);
        }
    }

    /** An indicator, or a raw input column of derived indicators (framework key {@code inputs}). */
    private static void addIndicator(JsonNode indicator, String frameworkId, Map<String, IndicatorSpec> into) {
        String code = indicator.path("code").asText();
        IndicatorSpec known = into.get(code);
        Set<String> frameworkIds = new HashSet<>(known == null ? Set.of() : known.frameworkIds());
        frameworkIds.add(frameworkId);
        JsonNode range = indicator.path("range");
        JsonNode names = indicator.path("names");
        into.put(code, new IndicatorSpec(code, names.path("zh").asText(code), names.path("en").asText(code), indicator.path("unit").asText(),
                range.path("min").asDouble(Double.NEGATIVE_INFINITY), range.path("max").asDouble(Double.POSITIVE_INFINITY),
                indicator.path("measure").asText("continuous"), Set.copyOf(frameworkIds)));
    }

    public Optional<IndicatorSpec> indicator(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    public Optional<FrameworkEntry> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    /** The frameworks that use the indicator and cover the region in the period. */
    public List<String> frameworksFor(String indicatorCode, String region, int period) {
        IndicatorSpec spec = indicators.get(indicatorCode);
        if (spec == null) {
            return List.of();
        }
        List<String> covering = new ArrayList<>(spec.frameworkIds().size());
        for (String id : spec.frameworkIds()) {
            if (frameworks.get(id).covers(region, period)) {
                covering.add(id);
            }
        }
        return covering;
    }

    /** Whether a framework that uses the indicator lists the region, whatever the period. */
    public boolean anyFrameworkWithIndicatorCovers(String indicatorCode, String region) {
        IndicatorSpec spec = indicators.get(indicatorCode);
        return spec != null && spec.frameworkIds().stream().anyMatch(id -> frameworks.get(id).regions().contains(region));
    }

    public boolean knowsRegion(String region) {
        return regionCatalogue.contains(region) || frameworks.values().stream().anyMatch(f -> f.regions().contains(region));
    }

    /** The region code for a code or a name (zh or en), if the catalogue knows exactly one region by it. */
    public Optional<String> regionCode(String codeOrName) {
        return knowsRegion(codeOrName) ? Optional.of(codeOrName) : regionCatalogue.codeForName(codeOrName);
    }

    /** The indicator with this code, or with this zh or en name. */
    public Optional<IndicatorSpec> indicatorByCodeOrName(String codeOrName) {
        IndicatorSpec byCode = indicators.get(codeOrName);
        if (byCode != null) {
            return Optional.of(byCode);
        }
        return indicators.values().stream()
                .filter(spec -> spec.nameZh().equals(codeOrName) || spec.nameEn().equalsIgnoreCase(codeOrName))
                .findFirst();
    }
}

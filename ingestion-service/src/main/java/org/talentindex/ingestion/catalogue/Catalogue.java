package org.talentindex.ingestion.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkCatalogue;
import org.talentindex.framework.FrameworkDirectory;
import org.talentindex.framework.IndicatorDefinition;
import org.talentindex.framework.RegionCatalogue;

/**
 * Indicators, regions and framework coverage, from the framework catalogue of {@code talentindex.frameworks.dir}: the
 * region catalogue's regions plus each framework's own.
 */
@ApplicationScoped
public class Catalogue {

    @ConfigProperty(name = "talentindex.frameworks.dir")
    Path frameworksDirectory;

    /** One reading of the frameworks directory, replaced whole when the directory is read again. */
    private record Contents(Map<String, IndicatorSpec> indicators, Map<String, FrameworkEntry> frameworks, RegionCatalogue regionCatalogue,
                            Set<String> frameworkRegions, Map<String, List<String>> regionNames) {

        boolean knowsRegion(String region) {
            return regionCatalogue.contains(region) || frameworkRegions.contains(region);
        }

        boolean anyFrameworkWithIndicatorCovers(String indicatorCode, String region) {
            IndicatorSpec spec = indicators.get(indicatorCode);
            return spec != null && spec.frameworkIds().stream().anyMatch(id -> frameworks.get(id).regions().contains(region));
        }
    }

    private volatile Contents contents;
    private FrameworkDirectory directory;

    @PostConstruct
    void watch() {
        directory = FrameworkDirectory.watch(frameworksDirectory, this::use);
    }

    @PreDestroy
    void stopWatching() {
        directory.close();
    }

    private void use(FrameworkCatalogue catalogue) {
        Map<String, IndicatorSpec> indicators = new HashMap<>();
        for (IndicatorDefinition definition : catalogue.indicators().values()) {
            indicators.put(definition.code(), new IndicatorSpec(definition.code(), definition.names().zh(), definition.names().en(),
                    definition.unit(), definition.range().min(), definition.range().max(),
                    definition.measure().name().toLowerCase(Locale.ROOT), definition.frameworkIds()));
        }
        Map<String, FrameworkEntry> frameworks = new HashMap<>();
        Set<String> frameworkRegions = new HashSet<>();
        for (Framework framework : catalogue.frameworks()) {
            Set<String> regions = framework.regions().stream().map(org.talentindex.framework.Region::code).collect(Collectors.toUnmodifiableSet());
            frameworks.put(framework.id(), new FrameworkEntry(framework.id(), regions, framework.periods().from(), framework.periods().to()));
            frameworkRegions.addAll(regions);
        }
        contents = new Contents(Map.copyOf(indicators), Map.copyOf(frameworks), catalogue.regions(), Set.copyOf(frameworkRegions),
                regionNames(catalogue));
        Log.infof("Catalogue: %d frameworks, %d indicators from %s", frameworks.size(), indicators.size(), frameworksDirectory.toAbsolutePath());
    }

    private static Map<String, List<String>> regionNames(FrameworkCatalogue catalogue) {
        Map<String, Set<String>> codes = new HashMap<>();
        catalogue.regions().codesByName().forEach((name, regionCodes) -> codes.put(name, new LinkedHashSet<>(regionCodes)));
        for (Framework framework : catalogue.frameworks()) {
            for (org.talentindex.framework.Region region : framework.regions()) {
                for (String name : List.of(region.names().zh(), region.names().en())) {
                    codes.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(region.code());
                }
            }
        }
        Map<String, List<String>> byName = new HashMap<>();
        codes.forEach((name, regionCodes) -> byName.put(name, List.copyOf(regionCodes)));
        return Map.copyOf(byName);
    }

    public Optional<IndicatorSpec> indicator(String code) {
        return Optional.ofNullable(contents.indicators().get(code));
    }

    public Optional<FrameworkEntry> framework(String id) {
        return Optional.ofNullable(contents.frameworks().get(id));
    }

    /** The frameworks that use the indicator and cover the region in the period. */
    public List<String> frameworksFor(String indicatorCode, String region, int period) {
        Contents current = contents;
        IndicatorSpec spec = current.indicators().get(indicatorCode);
        if (spec == null) {
            return List.of();
        }
        List<String> covering = new ArrayList<>(spec.frameworkIds().size());
        for (String id : spec.frameworkIds()) {
            if (current.frameworks().get(id).covers(region, period)) {
                covering.add(id);
            }
        }
        return covering;
    }

    /** Whether a framework that uses the indicator lists the region, whatever the period. */
    public boolean anyFrameworkWithIndicatorCovers(String indicatorCode, String region) {
        return contents.anyFrameworkWithIndicatorCovers(indicatorCode, region);
    }

    public boolean knowsRegion(String region) {
        return contents.knowsRegion(region);
    }

    /**
     * The region code for a code or a name (zh or en) of a catalogue or framework region: the one region by that name,
     * or where the name repeats (Suzhou: 苏州市 and 宿州市), the one of them a framework using the indicator covers.
     */
    public Optional<String> regionCode(String codeOrName, String indicatorCode) {
        Contents current = contents;
        if (current.knowsRegion(codeOrName)) {
            return Optional.of(codeOrName);
        }
        List<String> candidates = current.regionNames().getOrDefault(codeOrName, List.of());
        if (candidates.size() > 1) {
            candidates = candidates.stream().filter(code -> current.anyFrameworkWithIndicatorCovers(indicatorCode, code)).toList();
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** The codes of every catalogue or framework region with this zh or en name. */
    public List<String> regionsNamed(String name) {
        return contents.regionNames().getOrDefault(name, List.of());
    }

    /** The indicator with this code, or with this zh or en name. */
    public Optional<IndicatorSpec> indicatorByCodeOrName(String codeOrName) {
        Map<String, IndicatorSpec> indicators = contents.indicators();
        IndicatorSpec byCode = indicators.get(codeOrName);
        if (byCode != null) {
            return Optional.of(byCode);
        }
        return indicators.values().stream()
                .filter(spec -> spec.nameZh().equals(codeOrName) || spec.nameEn().equalsIgnoreCase(codeOrName))
                .findFirst();
    }
}

package org.talentindex.reporting.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.framework.Dimension;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkCatalogue;
import org.talentindex.framework.FrameworkDirectory;
import org.talentindex.framework.LocalizedName;
import org.talentindex.reporting.catalogue.FrameworkOutline.Level;
import org.talentindex.reporting.catalogue.FrameworkOutline.RiskLevel;
import org.talentindex.reporting.catalogue.FrameworkOutline.Sector;

/** Names (zh/en) of frameworks, their regions, levels and indicators, from the framework catalogue, for reports people read. */
@ApplicationScoped
public class FrameworkNames {

    public record Name(String zh, String en) {
        static Name of(LocalizedName names) {
            return new Name(names.zh(), names.en());
        }
    }

    @ConfigProperty(name = "talentindex.frameworks.dir")
    Path directory;

    /** One reading of the frameworks directory, replaced whole when the directory is read again. */
    private record Contents(Map<String, FrameworkOutline> frameworks, Map<String, Map<String, Name>> regions) {
    }

    private volatile Contents contents;
    private FrameworkDirectory watched;

    @PostConstruct
    void watch() {
        watched = FrameworkDirectory.watch(directory, this::use);
    }

    @PreDestroy
    void stopWatching() {
        watched.close();
    }

    private void use(FrameworkCatalogue catalogue) {
        Map<String, FrameworkOutline> outlines = new HashMap<>();
        Map<String, Map<String, Name>> regionNames = new HashMap<>();
        for (Framework framework : catalogue.frameworks()) {
            outlines.put(framework.id(), outline(framework));
            Map<String, Name> names = new HashMap<>();
            framework.regions().forEach(r -> names.put(r.code(), Name.of(r.names())));
            regionNames.put(framework.id(), Map.copyOf(names));
        }
        contents = new Contents(Map.copyOf(outlines), Map.copyOf(regionNames));
    }

    private static FrameworkOutline outline(Framework framework) {
        List<Level> levels = new ArrayList<>();
        addLevels(framework.dimensions(), null, 1, levels);
        List<Sector> sectors = framework.sectors().stream().map(s -> new Sector(s.code(), Name.of(s.names()))).toList();
        Map<String, Name> indicators = new HashMap<>();
        framework.inputs().forEach(input -> indicators.put(input.code(), Name.of(input.names())));
        framework.indicators().forEach(indicator -> indicators.put(indicator.code(), Name.of(indicator.names())));
        List<RiskLevel> riskLevels = framework.riskLevels().stream()
                .map(r -> new RiskLevel(r.code(), Name.of(r.names()), r.from())).toList();
        return new FrameworkOutline(framework.id(), Name.of(framework.names()), framework.method(), List.copyOf(levels), sectors,
                riskLevels, Map.copyOf(indicators));
    }

    private static void addLevels(List<Dimension> dimensions, String parent, int depth, List<Level> levels) {
        for (Dimension dimension : dimensions) {
            levels.add(new Level(dimension.code(), Name.of(dimension.names()), parent, depth));
            addLevels(dimension.dimensions(), dimension.code(), depth + 1, levels);
        }
    }

    public Name framework(String frameworkId) {
        return outline(frameworkId).names();
    }

    public FrameworkOutline outline(String frameworkId) {
        return contents.frameworks().getOrDefault(frameworkId, FrameworkOutline.unknown(frameworkId));
    }

    public Name region(String frameworkId, String region) {
        return contents.regions().getOrDefault(frameworkId, Map.of()).getOrDefault(region, new Name(region, region));
    }

    public List<String> frameworkIds() {
        return contents.frameworks().keySet().stream().sorted().toList();
    }
}

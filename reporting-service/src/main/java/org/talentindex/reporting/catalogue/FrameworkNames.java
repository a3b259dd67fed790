package org.talentindex.reporting.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.reporting.catalogue.FrameworkOutline.Level;
import org.talentindex.reporting.catalogue.FrameworkOutline.RiskLevel;
import org.talentindex.reporting.catalogue.FrameworkOutline.Sector;

/** Names (zh/en) of frameworks, their regions, levels and indicators, from the framework definitions, for reports people read. */
@ApplicationScoped
public class FrameworkNames {

    public record Name(String zh, String en) {
        static Name of(JsonNode names, String fallback) {
            return new Name(names.path("zh").asText(fallback), names.path("en").asText(fallback));
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ConfigProperty(name = "talentindex.frameworks.dir")
    Path directory;

    private final Map<String, FrameworkOutline> frameworks = new HashMap<>();
    private final Map<String, Map<String, Name>> regions = new HashMap<>();

    @PostConstruct
    void load() {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode root = YAML.readTree(file.toFile());
                String id = root.path("id").asText();
                frameworks.put(id, outline(id, root));
                Map<String, Name> regionNames = new HashMap<>();
                root.path("regions").forEach(r -> regionNames.put(r.path("code").asText(), Name.of(r.path("names"), r.path("code").asText())));
                regions.put(id, regionNames);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read framework definitions in " + directory.toAbsolutePath(), e);
        }
    }

    private static FrameworkOutline outline(String id, JsonNode root) {
        List<Level> levels = new ArrayList<>();
        addLevels(root.path("dimensions"), null, 1, levels);
        List<Sector> sectors = new ArrayList<>();
        root.path("sectors").forEach(s -> sectors.add(new Sector(s.path("code").asText(), Name.of(s.path("names"), s.path("code").asText()))));
        Map<String, Name> indicators = new HashMap<>();
        root.path("inputs").forEach(input -> addName(input, indicators));
        addIndicators(root.path("dimensions"), indicators);
        List<RiskLevel> riskLevels = new ArrayList<>();
        root.path("risk-levels").forEach(r -> riskLevels.add(
                new RiskLevel(r.path("code").asText(), Name.of(r.path("names"), r.path("code").asText()), r.path("from").asDouble())));
        return new FrameworkOutline(id, Name.of(root.path("names"), id), root.path("method").asText("composite"),
                List.copyOf(levels), List.copyOf(sectors), List.copyOf(riskLevels), Map.copyOf(indicators));
    }

    private static void addIndicators(JsonNode dimensions, Map<String, Name> indicators) {
        for (JsonNode dimension : dimensions) {
            dimension.path("indicators").forEach(indicator -> addName(indicator, indicators));
            addIndicators(dimension.path("dimensions"), indicators);
        }
    }

    private static void addName(JsonNode node, Map<String, Name> names) {
        String code = node.path("code").asText();
        names.put(code, Name.of(node.path("names"), code));
    }

    private static void addLevels(JsonNode dimensions, String parent, int depth, List<Level> levels) {
        for (JsonNode dimension : dimensions) {
            String code = dimension.path("code").asText();
            levels.add(new Level(code, Name.of(dimension.path("names"), code), parent, depth));
            addLevels(dimension.path("dimensions"), code, depth + 1, levels);
        }
    }

    public Name framework(String frameworkId) {
        return outline(frameworkId).names();
    }

    public FrameworkOutline outline(String frameworkId) {
        return frameworks.getOrDefault(frameworkId, FrameworkOutline.unknown(frameworkId));
    }

    public Name region(String frameworkId, String region) {
        return regions.getOrDefault(frameworkId, Map.of()).getOrDefault(region, new Name(region, region));
    }

    public List<String> frameworkIds() {
        return frameworks.keySet().stream().sorted().toList();
    }
}

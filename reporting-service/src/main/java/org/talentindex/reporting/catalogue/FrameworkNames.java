package org.talentindex.reporting.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Names (zh/en) of frameworks and their regions, from the framework definitions, for reports people read. */
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

    private final Map<String, Name> frameworks = new HashMap<>();
    private final Map<String, Map<String, Name>> regions = new HashMap<>();

    @PostConstruct
    void load() {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode root = YAML.readTree(file.toFile());
                String id = root.path("id").asText();
                frameworks.put(id, Name.of(root.path("names"), id));
                Map<String, Name> regionNames = new HashMap<>();
                root.path("regions").forEach(r -> regionNames.put(r.path("code").asText(), Name.of(r.path("names"), r.path("code").asText())));
                regions.put(id, regionNames);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read framework definitions in " + directory.toAbsolutePath(), e);
        }
    }

    public Name framework(String frameworkId) {
        return frameworks.getOrDefault(frameworkId, new Name(frameworkId, frameworkId));
    }

    public Name region(String frameworkId, String region) {
        return regions.getOrDefault(frameworkId, Map.of()).getOrDefault(region, new Name(region, region));
    }

    public List<String> frameworkIds() {
        return frameworks.keySet().stream().sorted().toList();
    }
}

package org.talentindex.ingestion.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.ingestion.catalogue.Region.Kind;

/**
 * Every region known to ingestion: China's provinces and prefecture-level cities (GB/T 2260, vendored data, see
 * {@code catalogue/README.md}), the cities of the talent-stickiness index, and aggregate regions defined in YAML
 * ({@code catalogue/aggregate-regions.yaml} and {@code <frameworks dir>/regions/*.yaml}).
 */
@ApplicationScoped
public class RegionCatalogue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String NOT_A_PREFECTURE = "直辖县级行政区划";

    @ConfigProperty(name = "talentindex.frameworks.dir")
    Path frameworksDirectory;

    private volatile Map<String, Region> regions = Map.of();
    private volatile Map<String, String> codesByName = Map.of();

    @PostConstruct
    void load() {
        Map<String, Region> loaded = new LinkedHashMap<>();
        for (JsonNode division : readJson("catalogue/china-divisions/province.json")) {
            add(loaded, division, Kind.PROVINCE);
        }
        for (JsonNode division : readJson("catalogue/china-divisions/city.json")) {
            if (!division.path("name").asText().contains(NOT_A_PREFECTURE)) {
                add(loaded, division, Kind.PREFECTURE);
            }
        }
        loadStickinessCities(loaded);
        loadAggregates(readYamlResource("catalogue/aggregate-regions.yaml"), "catalogue/aggregate-regions.yaml", loaded);
        for (Path file : customRegionFiles()) {
            loadAggregates(readYamlFile(file), file.toString(), loaded);
        }
        regions = Map.copyOf(loaded);
        codesByName = indexNames(loaded.values());
        Log.infof("Region catalogue: %d regions", regions.size());
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public boolean contains(String code) {
        return regions.containsKey(code);
    }

    /** The code of the region with this zh or en name (北京市, 北京, Beijing), if exactly one region has it. */
    public Optional<String> codeForName(String name) {
        return Optional.ofNullable(codesByName.get(name));
    }

    public Collection<Region> all() {
        return regions.values();
    }

    private static void add(Map<String, Region> into, JsonNode division, Kind kind) {
        String code = division.path("code").asText();
        String name = division.path("name").asText();
        into.put(code, new Region(code, name, PinyinNames.english(name), kind, List.of()));
    }

    private static void loadStickinessCities(Map<String, Region> into) {
        try (InputStream in = resource("catalogue/talent-stickiness-cities.csv");
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                String code = row.get("code");
                Region known = into.get(code);
                into.put(code, known == null
                        ? new Region(code, row.get("name_zh"), row.get("name_en"), Kind.CITY, List.of())
                        : new Region(code, known.nameZh(), row.get("name_en"), known.kind(), List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void loadAggregates(JsonNode document, String origin, Map<String, Region> into) {
        for (JsonNode aggregate : document.path("regions")) {
            String code = aggregate.path("code").asText();
            List<String> members = new ArrayList<>();
            aggregate.path("members").forEach(member -> members.add(member.asText()));
            List<String> unknown = members.stream().filter(member -> !into.containsKey(member)).toList();
            if (code.isBlank() || members.isEmpty() || !unknown.isEmpty()) {
                throw new IllegalStateException("Aggregate region '" + code + "' in " + origin
                        + " needs a code and members that are all in the catalogue; unknown: " + unknown);
            }
            JsonNode names = aggregate.path("names");
            into.put(code, new Region(code, names.path("zh").asText(code), names.path("en").asText(code), Kind.AGGREGATE, List.copyOf(members)));
        }
    }

    private static Map<String, String> indexNames(Collection<Region> regions) {
        Map<String, String> byName = new LinkedHashMap<>();
        Map<String, Boolean> ambiguous = new LinkedHashMap<>();
        for (Region region : regions) {
            for (String name : new String[] {region.nameZh(), region.nameEn(), shortZh(region.nameZh())}) {
                String known = byName.putIfAbsent(name, region.code());
                if (known != null && !known.equals(region.code())) {
                    ambiguous.put(name, true);
                }
            }
        }
        ambiguous.keySet().forEach(byName::remove);
        return Map.copyOf(byName);
    }

    private static String shortZh(String name) {
        return name.length() > 2 && (name.endsWith("市") || name.endsWith("省")) ? name.substring(0, name.length() - 1) : name;
    }

    private List<Path> customRegionFiles() {
        Path directory = frameworksDirectory.resolve("regions");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String name) {
        try (InputStream in = resource(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYamlResource(String name) {
        try (InputStream in = resource(name)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYamlFile(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read region definitions " + file, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = RegionCatalogue.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Not on the class path: " + name);
        }
        return in;
    }
}

package org.talentindex.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.talentindex.framework.CatalogueRegion.Kind;

/**
 * Every region the platform has a code for, the one code system of every framework: China's provinces and
 * prefecture-level cities (GB/T 2260, vendored data, see {@code catalogue/README.md}), the cities of the talent-stickiness
 * index, and aggregate regions defined in YAML ({@code catalogue/aggregate-regions.yaml} and
 * {@code <frameworks dir>/regions/*.yaml}). Each is also known by its names (zh, en, and zh without 市/省).
 */
public final class RegionCatalogue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_A_PREFECTURE = "直辖县级行政区划";

    private final Map<String, CatalogueRegion> regions;
    private final Map<String, List<String>> codesByName;

    private RegionCatalogue(Map<String, CatalogueRegion> regions) {
        this.regions = Map.copyOf(regions);
        this.codesByName = indexNames(regions.values());
    }

    /** The built-in regions and the aggregates defined in {@code <frameworksDirectory>/regions/}. */
    public static RegionCatalogue load(Path frameworksDirectory) {
        Map<String, CatalogueRegion> loaded = new LinkedHashMap<>();
        for (JsonNode division : readJson("catalogue/china-divisions/province.json")) {
            add(loaded, division, Kind.PROVINCE);
        }
        for (JsonNode division : readJson("catalogue/china-divisions/city.json")) {
            if (!division.path("name").asText().contains(NOT_A_PREFECTURE)) {
                add(loaded, division, Kind.PREFECTURE);
            }
        }
        loadStickinessCities(loaded);
        try (InputStream in = resource("catalogue/aggregate-regions.yaml")) {
            loadAggregates(FrameworkLoader.YAML.readTree(in), "catalogue/aggregate-regions.yaml", loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : aggregateFiles(frameworksDirectory)) {
            try {
                loadAggregates(FrameworkLoader.YAML.readTree(file.toFile()), file.toString(), loaded);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read region definitions " + file, e);
            }
        }
        return new RegionCatalogue(loaded);
    }

    public Optional<CatalogueRegion> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public boolean contains(String code) {
        return regions.containsKey(code);
    }

    /** The code of the region with this zh or en name (北京市, 北京, Beijing), if exactly one region has it. */
    public Optional<String> codeForName(String name) {
        List<String> codes = codesForName(name);
        return codes.size() == 1 ? Optional.of(codes.get(0)) : Optional.empty();
    }

    /** The codes of every region with this zh or en name: more than one where a name repeats (Suzhou: 苏州市, 宿州市). */
    public List<String> codesForName(String name) {
        return codesByName.getOrDefault(name, List.of());
    }

    /** Every name (zh, zh without 市/省, en) with the codes of the regions that bear it. */
    public Map<String, List<String>> codesByName() {
        return codesByName;
    }

    /** The code of the region whose Chinese name, with or without 市/省, is this one, if exactly one region has it. */
    public Optional<String> codeForChineseName(String name) {
        return codeForName(name).filter(code -> shortZh(regions.get(code).names().zh()).equals(shortZh(name)));
    }

    public Collection<CatalogueRegion> all() {
        return regions.values();
    }

    private static void add(Map<String, CatalogueRegion> into, JsonNode division, Kind kind) {
        String code = division.path("code").asText();
        String name = division.path("name").asText();
        into.put(code, new CatalogueRegion(code, new LocalizedName(name, PinyinNames.english(name)), kind, List.of()));
    }

    private static void loadStickinessCities(Map<String, CatalogueRegion> into) {
        try (InputStream in = resource("catalogue/talent-stickiness-cities.csv");
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                String code = row.get("code");
                CatalogueRegion known = into.get(code);
                into.put(code, known == null
                        ? new CatalogueRegion(code, new LocalizedName(row.get("name_zh"), row.get("name_en")), Kind.CITY, List.of())
                        : new CatalogueRegion(code, new LocalizedName(known.names().zh(), row.get("name_en")), known.kind(), List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void loadAggregates(JsonNode document, String origin, Map<String, CatalogueRegion> into) {
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
            into.put(code, new CatalogueRegion(code, new LocalizedName(names.path("zh").asText(code), names.path("en").asText(code)),
                    Kind.AGGREGATE, List.copyOf(members)));
        }
    }

    private static Map<String, List<String>> indexNames(Collection<CatalogueRegion> regions) {
        Map<String, Set<String>> byName = new LinkedHashMap<>();
        for (CatalogueRegion region : regions) {
            for (String name : new String[] {region.names().zh(), region.names().en(), shortZh(region.names().zh())}) {
                byName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(region.code());
            }
        }
        Map<String, List<String>> codes = new LinkedHashMap<>();
        byName.forEach((name, regionCodes) -> codes.put(name, List.copyOf(regionCodes)));
        return Map.copyOf(codes);
    }

    private static String shortZh(String name) {
        return name.length() > 2 && (name.endsWith("市") || name.endsWith("省")) ? name.substring(0, name.length() - 1) : name;
    }

    private static List<Path> aggregateFiles(Path frameworksDirectory) {
        Path directory = frameworksDirectory.resolve("regions");
        return Files.isDirectory(directory) ? FrameworkLoader.definitionFiles(directory) : List.of();
    }

    private static JsonNode readJson(String name) {
        try (InputStream in = resource(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

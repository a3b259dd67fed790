package org.talentindex.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The sample data sets in {@code frameworks/samples/}, as upload CSV ({@code region,indicator,period,value,unit,source}).
 * A sample without unit and source columns gets each indicator's unit from its framework and the sample's first comment
 * line (or its file name) as source.
 */
final class SampleData {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Sample(String name, String csv) {
    }

    private SampleData() {
    }

    static List<Sample> load(Path frameworks) throws IOException {
        try (Stream<Path> files = Files.list(frameworks.resolve("samples"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().map(f -> toUpload(frameworks, f)).toList();
        }
    }

    private static Sample toUpload(Path frameworks, Path sample) {
        try {
            List<String> lines = Files.readAllLines(sample);
            String source = lines.stream().filter(l -> l.startsWith("#")).findFirst()
                    .map(l -> l.substring(1).trim()).orElse("sample " + sample.getFileName());
            List<String> rows = lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            if (rows.isEmpty() || rows.get(0).contains("unit")) {
                return new Sample(sample.getFileName().toString(), String.join("\n", rows) + "\n");
            }
            String id = sample.getFileName().toString().replace(".csv", "");
            Map<String, String> units = units(YAML.readTree(frameworks.resolve(id + ".yaml").toFile()));
            StringBuilder csv = new StringBuilder("region,indicator,period,value,unit,source\n");
            String quotedSource = "\"" + source.replace("\"", "\"\"") + "\"";
            for (String row : rows.subList(1, rows.size())) {
                String indicator = row.split(",", -1)[1];
                csv.append(row).append(',').append(units.getOrDefault(indicator, "")).append(',').append(quotedSource).append('\n');
            }
            return new Sample(sample.getFileName().toString(), csv.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable sample " + sample, e);
        }
    }

    /** Every object in the definition that has a code and a unit: the indicators, wherever they sit. */
    private static Map<String, String> units(JsonNode node) {
        Map<String, String> units = new HashMap<>();
        collect(node, units);
        return units;
    }

    private static void collect(JsonNode node, Map<String, String> units) {
        if (node.isObject() && node.hasNonNull("code") && node.hasNonNull("unit")) {
            units.put(node.get("code").asText(), node.get("unit").asText());
        }
        node.elements().forEachRemaining(child -> collect(child, units));
    }
}

package org.talentindex.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.talentindex.framework.FrameworkCatalogue;
import org.talentindex.framework.IndicatorDefinition;

/**
 * The sample data sets in {@code frameworks/samples/} (one per framework, named after it), as observations. A sample
 * without unit and source columns gets each indicator's unit from the framework catalogue and the sample's first
 * comment line (or its file name) as source.
 */
public final class SampleData {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema UPLOAD = CsvSchema.builder().addColumn("region").addColumn("indicator").addColumn("period")
            .addColumn("value").addColumn("unit").addColumn("source").build().withHeader();

    public record Observation(String region, String indicator, String period, String value, String unit, String source) {
    }

    public record Sample(String frameworkId, List<Observation> observations) {

        /** The observations as an upload table: {@code region,indicator,period,value,unit,source}. */
        public String csv() {
            return SampleData.csv(observations);
        }
    }

    private SampleData() {
    }

    public static List<Sample> load(Path frameworks) throws IOException {
        FrameworkCatalogue catalogue = FrameworkCatalogue.load(frameworks);
        try (Stream<Path> files = Files.list(frameworks.resolve("samples"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().map(f -> read(catalogue, f)).toList();
        }
    }

    public static String csv(List<Observation> observations) {
        try {
            return CSV.writer(UPLOAD).writeValueAsString(observations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample read(FrameworkCatalogue catalogue, Path sample) {
        String fileName = sample.getFileName().toString();
        try {
            List<String> lines = Files.readAllLines(sample);
            String source = lines.stream().filter(l -> l.startsWith("#")).findFirst()
                    .map(l -> l.substring(1).trim()).orElse("sample " + fileName);
            String table = String.join("\n", lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList());
            List<Observation> observations = new ArrayList<>();
            try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(table)) {
                while (rows.hasNextValue()) {
                    Map<String, String> row = rows.nextValue();
                    String unit = row.getOrDefault("unit", catalogue.indicator(row.get("indicator")).map(IndicatorDefinition::unit).orElse(""));
                    observations.add(new Observation(row.get("region"), row.get("indicator"), row.get("period"), row.get("value"), unit,
                            row.getOrDefault("source", source)));
                }
            }
            return new Sample(fileName.replace(".csv", ""), List.copyOf(observations));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sample " + sample, e);
        }
    }
}

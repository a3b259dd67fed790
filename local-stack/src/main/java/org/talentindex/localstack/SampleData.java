package org.talentindex.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.talentindex.framework.FrameworkCatalogue;
import org.talentindex.framework.IndicatorDefinition;

/**
 * The sample data sets in {@code frameworks/samples/}, as upload CSV ({@code region,indicator,period,value,unit,source}).
 * A sample without unit and source columns gets each indicator's unit from the framework catalogue and the sample's
 * first comment line (or its file name) as source.
 */
final class SampleData {

    private static final CsvMapper CSV = new CsvMapper();
    private static final List<String> UPLOAD_HEADER = List.of("region", "indicator", "period", "value", "unit", "source");

    record Sample(String name, String csv) {
    }

    private SampleData() {
    }

    static List<Sample> load(Path frameworks) throws IOException {
        FrameworkCatalogue catalogue = FrameworkCatalogue.load(frameworks);
        try (Stream<Path> files = Files.list(frameworks.resolve("samples"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().map(f -> toUpload(catalogue, f)).toList();
        }
    }

    private static Sample toUpload(FrameworkCatalogue catalogue, Path sample) {
        try {
            List<String> lines = Files.readAllLines(sample);
            String source = lines.stream().filter(l -> l.startsWith("#")).findFirst()
                    .map(l -> l.substring(1).trim()).orElse("sample " + sample.getFileName());
            List<String> rows = lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            if (rows.isEmpty() || rows.get(0).contains("unit")) {
                return new Sample(sample.getFileName().toString(), String.join("\n", rows) + "\n");
            }
            List<List<String>> upload = new ArrayList<>(List.of(UPLOAD_HEADER));
            for (String row : rows.subList(1, rows.size())) {
                List<String> cells = new ArrayList<>(List.of(row.split(",", -1)));
                cells.add(catalogue.indicator(cells.get(1)).map(IndicatorDefinition::unit).orElse(""));
                cells.add(source);
                upload.add(cells);
            }
            return new Sample(sample.getFileName().toString(), CSV.writer(CsvSchema.emptySchema()).writeValueAsString(upload));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable sample " + sample, e);
        }
    }
}

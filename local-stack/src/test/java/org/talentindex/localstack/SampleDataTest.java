package org.talentindex.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.talentindex.framework.FrameworkCatalogue;

class SampleDataTest {

    private static final Path FRAMEWORKS = Stack.projectHome().resolve("frameworks");

    @Test
    void everySampleRowBecomesAnUploadRowWithItsIndicatorsUnitQuotedWhereNeeded() throws Exception {
        FrameworkCatalogue catalogue = FrameworkCatalogue.load(FRAMEWORKS);
        List<SampleData.Sample> samples = SampleData.load(FRAMEWORKS);
        assertEquals(10, samples.size());
        for (SampleData.Sample sample : samples) {
            try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readerForListOf(String.class).readValues(sample.csv())) {
                List<String> header = rows.next();
                assertEquals(List.of("region", "indicator", "period", "value", "unit", "source"), header, sample.frameworkId());
                while (rows.hasNext()) {
                    List<String> row = rows.next();
                    assertEquals(6, row.size(), sample.frameworkId() + ": " + row);
                    assertEquals(catalogue.indicator(row.get(1)).orElseThrow().unit(), row.get(4), sample.frameworkId() + ": " + row);
                    assertFalse(row.get(5).isBlank(), sample.frameworkId() + ": " + row);
                }
            }
        }
    }
}

package org.talentindex.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkCatalogueTest {

    private static final String WITH_UNIT = FrameworkLoaderTest.MINIMAL.replace("{code: x, direction: \"+\", weight: 1}",
            "{code: x, direction: \"+\", weight: 1, unit: \"%\"}");

    @TempDir
    Path directory;

    @Test
    void theShippedFrameworksFormOneCatalogueWithOneDefinitionPerIndicator() {
        FrameworkCatalogue catalogue = FrameworkCatalogue.load(ShippedFrameworks.DIRECTORY);

        assertEquals(10, catalogue.frameworks().size());
        IndicatorDefinition productivity = catalogue.indicator("labour_productivity").orElseThrow();
        assertEquals("10k CNY per worker", productivity.unit());
        assertEquals(Set.of("human-capital-industry-coupling"), productivity.frameworkIds());
        assertEquals("人", catalogue.indicator("job_postings").orElseThrow().unit(), "an input column of derived indicators");
        assertTrue(catalogue.indicator("supply_demand_gap").isEmpty(), "a derived indicator is computed, not observed");
        Framework deviation = catalogue.framework("industry-talent-deviation").orElseThrow();
        assertEquals(List.of("JJJ"), deviation.aggregates().stream().map(Region::code).toList());
        assertEquals(List.of("110000", "120000", "130000"), deviation.aggregates().get(0).members(), "a catalogue aggregate's members");
    }

    @Test
    void readsYmlFilesAsWellAsYaml() throws IOException {
        write("a.yaml", WITH_UNIT);
        write("b.yml", WITH_UNIT.replace("id: demo", "id: other"));

        assertEquals(List.of("demo", "other"), FrameworkCatalogue.load(directory).frameworks().stream().map(Framework::id).toList());
        assertEquals(Set.of("demo", "other"), FrameworkCatalogue.load(directory).indicator("x").orElseThrow().frameworkIds());
    }

    @Test
    void refusesOneIndicatorCodeDefinedTwoWaysNamingBothFilesAndLines() throws IOException {
        write("a.yaml", WITH_UNIT);
        write("b.yaml", WITH_UNIT.replace("id: demo", "id: other").replace("unit: \"%\"", "unit: count"));

        FrameworkCatalogueException refused = assertThrows(FrameworkCatalogueException.class, () -> FrameworkCatalogue.load(directory));
        assertEquals(List.of("indicator x is defined differently in a.yaml:9 (unit '%', continuous, range -Infinity to Infinity)"
                + " and b.yaml:9 (unit 'count', continuous, range -Infinity to Infinity)"), refused.problems());
    }

    @Test
    void refusesAFrameworkIdDefinedInTwoFiles() throws IOException {
        write("a.yaml", WITH_UNIT);
        write("b.yaml", WITH_UNIT);

        FrameworkCatalogueException refused = assertThrows(FrameworkCatalogueException.class, () -> FrameworkCatalogue.load(directory));
        assertEquals(List.of("b.yaml:1: framework demo is defined in a.yaml too"), refused.problems());
    }

    @Test
    void namesEveryProblemOfEveryFileWithItsLine() throws IOException {
        write("a.yaml", WITH_UNIT.replace("method: composite", "method: magic"));
        write("b.yaml", WITH_UNIT.replace("id: demo", "id: other").replace("weight: 0.4", "weight: 0.5"));
        write("c.yaml", WITH_UNIT.replace("id: demo", "id: fine"));

        FrameworkCatalogueException refused = assertThrows(FrameworkCatalogueException.class, () -> FrameworkCatalogue.load(directory));
        assertEquals(2, refused.problems().size(), refused.getMessage());
        assertTrue(refused.problems().get(0).startsWith("a.yaml:3: "), refused.problems().get(0));
        assertTrue(refused.problems().get(1).startsWith("b.yaml:6: /dimensions: fixed weights"), refused.problems().get(1));
    }

    @Test
    void refusesARegionThatIsACatalogueRegionUnderAnotherCode() throws IOException {
        write("a.yaml", WITH_UNIT.replace("method: composite", "method: composite\nregions:\n  - {code: beijing, names: {zh: 北京, en: Beijing}}"
                + "\n  - {code: \"120000\", names: {zh: 天津, en: Tianjin}}\n  - {code: pharma, names: {zh: 医药, en: Pharmaceuticals}}"));

        FrameworkCatalogueException refused = assertThrows(FrameworkCatalogueException.class, () -> FrameworkCatalogue.load(directory));
        assertEquals(List.of("a.yaml:5: region beijing (北京, Beijing) is the catalogue's 110000: use that code"), refused.problems());
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(directory.resolve(name), yaml);
    }
}

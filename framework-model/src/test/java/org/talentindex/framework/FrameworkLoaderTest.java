package org.talentindex.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameworkLoaderTest {

    static final String MINIMAL = """
            id: demo
            names: {zh: 示例, en: Demo}
            method: composite
            weighting: {method: fixed}
            dimensions:
              - code: a
                weight: 0.6
                indicators:
                  - {code: x, direction: "+", weight: 1}
              - code: b
                weight: 0.4
                indicators:
                  - {code: y, direction: "-", weight: 0.5}
                  - {code: z, direction: "+", weight: 0.5}
            """;

    @Test
    void loadsEveryShippedFrameworkInFileOrder() {
        List<Framework> frameworks = FrameworkCatalogue.load(ShippedFrameworks.DIRECTORY).frameworks().stream().toList();
        assertEquals(List.of("ai-unemployment-early-warning", "asem-connectivity", "digital-infrastructure", "human-capital-industry-coupling",
                "industry-talent-deviation", "international-talent-service", "jjj-talent-development", "jjj-talent-growth", "talent-shortage", "talent-stickiness"),
                frameworks.stream().map(Framework::id).toList());
    }

    @Test
    void shippedFrameworksHaveThePublishedShape() {
        Framework stickiness = ShippedFrameworks.framework("talent-stickiness");
        assertEquals(24, stickiness.indicators().size());
        assertEquals(6, stickiness.dimensions().size());
        assertEquals(120, stickiness.regions().size());
        assertEquals(List.of("air_quality_index_aqi", "housing_burden", "cost_of_living_index", "commute_index"),
                stickiness.indicators().stream().filter(i -> i.direction() == Direction.NEGATIVE).map(Indicator::code).toList());
        Framework service = ShippedFrameworks.framework("international-talent-service");
        assertEquals(51, service.indicators().size());
        assertEquals(4, service.dimensions().size());
        assertEquals(11, service.dimensions().stream().mapToInt(d -> d.dimensions().size()).sum());
        assertEquals(22, service.indicators().stream().filter(i -> i.measure() == MeasureType.BINARY).count());
        assertEquals(5, ShippedFrameworks.framework("digital-infrastructure").indicators().size());
        assertEquals(WeightingMethod.ENTROPY, ShippedFrameworks.framework("digital-infrastructure").weighting().method());
        assertEquals(49, ShippedFrameworks.framework("asem-connectivity").indicators().size());
    }

    @Test
    void inputColumnsAreTheBaseDataOfDerivedIndicators() {
        assertEquals(List.of("job_postings", "job_applicants"), ShippedFrameworks.framework("talent-shortage").inputColumns());
        assertEquals(List.of("high_skill_talent", "st_talent_rd_fte", "patent_applications"),
                ShippedFrameworks.framework("jjj-talent-development").inputColumns());
    }

    @Test
    void readsTheJjjExampleAsBefore() {
        Framework jjj = ShippedFrameworks.framework("jjj-talent-development");
        assertEquals("jjj-talent-development", jjj.id());
        assertEquals(3, jjj.regions().size());
        assertEquals(new ValueRange(0, 10000), jjj.indicator("high_skill_talent").orElseThrow().range());
        assertEquals(new Rescale(0, 100, false), jjj.rescale());
        assertEquals(0.6, jjj.missingData().minRegionCoverage());
    }

    @Test
    void readsMethodsWeightsAndOverrides() {
        Framework framework = FrameworkLoader.parse(MINIMAL, "demo.yaml");
        assertEquals(List.of("x", "y", "z"), framework.indicators().stream().map(Indicator::code).toList());
        assertEquals(0.6, framework.dimensions().get(0).weight());
        assertEquals(Direction.NEGATIVE, framework.indicator("y").orElseThrow().direction());
        Framework efficacy = FrameworkLoader.parse(MINIMAL.replace("method: composite",
                "method: composite\nnormalisation: {method: efficacy-coefficient, a: 60, b: 40}"), "demo.yaml");
        assertEquals(new Normalisation(NormalisationMethod.MIN_MAX, 60, 100, 0, 1, null, false), efficacy.normalisation());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown method              | method: composite                 | method: magic                      | /method          | unknown method magic
            unknown normalisation       | method: composite                 | method: composite\\nnormalisation: {method: cubic} | /normalisation/method | unknown normalisation method cubic
            fixed weights not summing   | weight: 0.4                       | weight: 0.5                        | /dimensions      | fixed weights of these siblings sum to 1.1, not 1
            missing fixed weight        | {code: x, direction: "+", weight: 1} | {code: x, direction: "+"}       | /dimensions/0/indicators/0/weight | missing
            indicator in two dimensions | {code: z, direction: "+", weight: 0.5} | {code: x, direction: "+", weight: 0.5} | /dimensions/1/indicators/1/code | already defined at /dimensions/0/indicators/0/code
            unknown key                 | code: a                           | code: a\\n    wieght: 1            | /dimensions/0/wieght | unknown key
            bad direction               | direction: "-"                    | direction: down                    | /dimensions/1/indicators/0/direction | direction must be + or -
            unknown top-level key       | id: demo                          | id: demo\\nversion: 1              | /version         | unknown key
            missing id                  | id: demo                          | description: no id                 | /id              | missing
            bad id                      | id: demo                          | id: Demo Index                     | /id              | lower-case letters
            """)
    void rejectsMalformedDefinitionsWithFilePathAndReason(String name, String from, String to, String path, String reason) {
        String yaml = MINIMAL.replace(from, to.replace("\\n", "\n"));
        FrameworkDefinitionException error = assertThrows(FrameworkDefinitionException.class, () -> FrameworkLoader.parse(yaml, "bad.yaml"));
        assertEquals("bad.yaml", error.source());
        assertEquals(path, error.path(), error.getMessage());
        assertTrue(error.reason().contains(reason), error.getMessage());
        assertTrue(error.line() > 0, error.getMessage());
        assertTrue(error.getMessage().startsWith("bad.yaml:" + error.line() + ": " + path + ": "), error.getMessage());
    }

    @Test
    void namesTheLineOfTheOffendingKey() {
        String yaml = MINIMAL.replace("code: a", "code: a\n    wieght: 1");
        FrameworkDefinitionException error = assertThrows(FrameworkDefinitionException.class, () -> FrameworkLoader.parse(yaml, "bad.yaml"));
        assertEquals("    wieght: 1", yaml.lines().toList().get(error.line() - 1));
    }

    @Test
    void refusesAKeyGivenTwice() {
        String yaml = MINIMAL.replace("id: demo", "id: demo\nid: other");
        FrameworkDefinitionException error = assertThrows(FrameworkDefinitionException.class, () -> FrameworkLoader.parse(yaml, "bad.yaml"));
        assertTrue(error.reason().contains("Duplicate field 'id'"), error.getMessage());
    }

    @Test
    void rejectsACycleOfDerivedIndicators() {
        String yaml = MINIMAL.replace("weighting: {method: fixed}", """
                weighting: {method: fixed}
                derived:
                  - {code: x, formula: ratio, inputs: [y, q]}
                  - {code: q, formula: sum, inputs: [x]}""");
        FrameworkDefinitionException error = assertThrows(FrameworkDefinitionException.class, () -> FrameworkLoader.parse(yaml, "c.yaml"));
        assertEquals("/derived/0/inputs", error.path());
        assertTrue(error.reason().contains("cycle: x -> q -> x"), error.reason());
    }

    @Test
    void rejectsAnEmptyDimensionAndInvalidYaml() {
        FrameworkDefinitionException empty = assertThrows(FrameworkDefinitionException.class,
                () -> FrameworkLoader.parse("id: e\ndimensions:\n  - code: a\n", "e.yaml"));
        assertEquals("/dimensions/0", empty.path());
        FrameworkDefinitionException broken = assertThrows(FrameworkDefinitionException.class,
                () -> FrameworkLoader.parse("id: [unclosed", "b.yaml"));
        assertEquals("/", broken.path());
    }

    @Test
    void rejectsMethodSpecificOmissions() {
        String deviation = MINIMAL.replace("method: composite", "method: structure-deviation");
        assertEquals("/sectors", assertThrows(FrameworkDefinitionException.class, () -> FrameworkLoader.parse(deviation, "d.yaml")).path());
        String warning = MINIMAL.replace("method: composite", "method: early-warning");
        assertEquals("/risk-levels", assertThrows(FrameworkDefinitionException.class, () -> FrameworkLoader.parse(warning, "w.yaml")).path());
        String sector = MINIMAL.replace("method: composite", "method: early-warning\nrisk-levels: [{code: low, from: 0}]\nsectors: [{code: q}]");
        assertEquals("/sectors/0/code", assertThrows(FrameworkDefinitionException.class, () -> FrameworkLoader.parse(sector, "s.yaml")).path());
        String target = MINIMAL.replace("method: composite", "method: composite\nnormalisation: {method: distance-to-target}");
        assertEquals("/dimensions/0/indicators/0/target",
                assertThrows(FrameworkDefinitionException.class, () -> FrameworkLoader.parse(target, "t.yaml")).path());
    }
}

package org.talentindex.ingestion;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.talentindex.ingestion.ApiClients.asClient;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.talentindex.framework.CatalogueRegion;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkCatalogue;
import org.talentindex.framework.IndicatorDefinition;
import org.talentindex.testsupport.InfrastructureTestResource;

/**
 * For every shipped framework, a figure for one of its catalogue regions is accepted whether the region is given by its
 * code, its Chinese name or its English name, and is stored under the code.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class RegionCodesAndNamesTest {

    private static final FrameworkCatalogue CATALOGUE = FrameworkCatalogue.load(Path.of("..", "frameworks"));

    static Stream<Framework> frameworksWithCatalogueRegions() {
        return CATALOGUE.frameworks().stream().filter(f -> f.regions().stream().anyMatch(r -> CATALOGUE.regions().contains(r.code())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameworksWithCatalogueRegions")
    void aRegionGivenByCodeOrByNameIsStoredUnderItsCode(Framework framework) {
        IndicatorDefinition indicator = CATALOGUE.indicator(framework.inputColumns().get(0)).orElseThrow();
        String period = Integer.toString(Math.min(framework.periods().to(), 2099));
        String run = UUID.randomUUID().toString();
        List<CatalogueRegion> regions = framework.regions().stream().map(r -> CATALOGUE.regions().region(r.code()))
                .flatMap(java.util.Optional::stream).toList();
        StringBuilder csv = new StringBuilder("region,indicator,period,value,unit,source\n");
        for (CatalogueRegion region : regions) {
            List<String> givenAs = List.of(region.code(), region.names().zh(), region.names().en());
            for (int value = 0; value < givenAs.size(); value++) {
                csv.append('"').append(givenAs.get(value)).append("\",").append(indicator.code()).append(',').append(period).append(',')
                        .append(value).append(",\"").append(indicator.unit()).append("\",names ").append(run).append('\n');
            }
        }

        asClient().contentType("text/csv; charset=UTF-8").body(csv.toString()).post("/api/observations")
                .then().log().ifValidationFails().statusCode(200).body("accepted", equalTo(3 * regions.size()));
        for (CatalogueRegion region : regions) {
            JsonPath history = asClient().queryParam("region", region.code()).queryParam("indicator", indicator.code())
                    .queryParam("period", period).get("/api/observations").then().statusCode(200).extract().jsonPath();
            List<String> sources = history.getList("source", String.class);
            assertEquals(3, sources.stream().filter(source -> source.endsWith(run)).count(), region.code() + ": " + sources);
        }
    }
}

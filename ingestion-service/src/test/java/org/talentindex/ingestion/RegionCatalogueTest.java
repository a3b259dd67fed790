package org.talentindex.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.talentindex.ingestion.catalogue.Region;
import org.talentindex.ingestion.catalogue.Region.Kind;
import org.talentindex.ingestion.catalogue.RegionCatalogue;
import org.talentindex.testsupport.InfrastructureTestResource;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class RegionCatalogueTest {

    @Inject
    RegionCatalogue regions;

    @Test
    void holdsChinasProvincesAndPrefecturesWithGbT2260CodesAndNames() {
        assertEquals(34, count(Kind.PROVINCE));
        assertTrue(count(Kind.PREFECTURE) >= 330, "prefecture-level divisions: " + count(Kind.PREFECTURE));
        Region hebei = regions.region("130000").orElseThrow();
        assertEquals("河北省", hebei.nameZh());
        assertEquals("Hebei", hebei.nameEn());
        assertEquals("Shaanxi", regions.region("610000").orElseThrow().nameEn());
        assertEquals("Shenzhen", regions.region("440300").orElseThrow().nameEn());
        assertEquals("440300", regions.codeForName("深圳市").orElseThrow());
        assertEquals("440300", regions.codeForName("深圳").orElseThrow());
    }

    @Test
    void holdsTheHundredAndTwentyTalentStickinessCities() {
        assertEquals(82, count(Kind.CITY), "cities outside the GB/T 2260 list");
        assertEquals("New York", regions.region("CITY-US-NEW-YORK").orElseThrow().nameEn());
        assertEquals("纽约", regions.region("CITY-US-NEW-YORK").orElseThrow().nameZh());
        assertEquals("CITY-CN-TAIPEI", regions.codeForName("台北").orElseThrow());
        assertEquals("810000", regions.codeForName("Hong Kong").orElseThrow());
    }

    @Test
    void aggregateRegionsAreSumsOfCatalogueMembers() {
        Region jjj = regions.region("JJJ").orElseThrow();
        assertEquals(Kind.AGGREGATE, jjj.kind());
        assertEquals(List.of("110000", "120000", "130000"), jjj.members());
        assertEquals("京津冀", jjj.nameZh());
    }

    private long count(Kind kind) {
        return regions.all().stream().filter(region -> region.kind() == kind).count();
    }
}

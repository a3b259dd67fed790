package org.talentindex.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.talentindex.framework.CatalogueRegion.Kind;

class RegionCatalogueTest {

    private final RegionCatalogue regions = RegionCatalogue.load(ShippedFrameworks.DIRECTORY);

    @Test
    void holdsChinasProvincesAndPrefecturesWithGbT2260CodesAndNames() {
        assertEquals(34, count(Kind.PROVINCE));
        assertTrue(count(Kind.PREFECTURE) >= 330, "prefecture-level divisions: " + count(Kind.PREFECTURE));
        CatalogueRegion hebei = regions.region("130000").orElseThrow();
        assertEquals("河北省", hebei.names().zh());
        assertEquals("Hebei", hebei.names().en());
        assertEquals("Shaanxi", regions.region("610000").orElseThrow().names().en());
        assertEquals("Shenzhen", regions.region("440300").orElseThrow().names().en());
        assertEquals("440300", regions.codeForName("深圳市").orElseThrow());
        assertEquals("440300", regions.codeForName("深圳").orElseThrow());
    }

    @Test
    void holdsTheHundredAndTwentyTalentStickinessCities() {
        assertEquals(82, count(Kind.CITY), "cities outside the GB/T 2260 list");
        assertEquals("New York", regions.region("CITY-US-NEW-YORK").orElseThrow().names().en());
        assertEquals("纽约", regions.region("CITY-US-NEW-YORK").orElseThrow().names().zh());
        assertEquals("CITY-CN-TAIPEI", regions.codeForName("台北").orElseThrow());
        assertEquals("810000", regions.codeForName("Hong Kong").orElseThrow());
    }

    @Test
    void aggregateRegionsAreSumsOfCatalogueMembers() {
        CatalogueRegion jjj = regions.region("JJJ").orElseThrow();
        assertEquals(Kind.AGGREGATE, jjj.kind());
        assertEquals(List.of("110000", "120000", "130000"), jjj.members());
        assertEquals("京津冀", jjj.names().zh());
    }

    private long count(Kind kind) {
        return regions.all().stream().filter(region -> region.kind() == kind).count();
    }
}

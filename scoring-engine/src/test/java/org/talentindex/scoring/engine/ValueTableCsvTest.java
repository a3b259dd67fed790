package org.talentindex.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValueTableCsvTest {

    @Test
    void readsPeriodsCommentsQuotesAndExtraColumns() {
        var tables = ValueTableCsv.read(new StringReader("""
                # a comment
                region,indicator,period,value,source
                110000,high_skill_talent,2022,115,"Report, B.1"
                120000,high_skill_talent,2022,,blank is missing
                110000,high_skill_talent,2015,92,x
                """));
        assertEquals(List.of("2015", "2022"), List.copyOf(tables.keySet()));
        assertEquals(115, tables.get("2022").get("110000", "high_skill_talent").orElseThrow());
        assertEquals(true, tables.get("2022").get("120000", "high_skill_talent").isEmpty());
    }

    @Test
    void collectsEveryOffendingRowAgainstAFramework() {
        ValueTableCsv.Parsed parsed = ValueTableCsv.parse(new StringReader("""
                region,indicator,period,value
                110000,high_skill_talent,2022,115
                110000,nonsense,2022,1
                990000,high_skill_talent,2022,1
                120000,patent_applications,2022,lots
                130000,patent_applications,2022,NaN
                130000,patent_applications
                """), Shipped.framework("jjj-talent-development"));
        assertEquals(List.of(
                new ValueTableCsv.RowError(3, "unknown indicator nonsense"),
                new ValueTableCsv.RowError(4, "region 990000 is not in the framework"),
                new ValueTableCsv.RowError(5, "value is not a number: lots"),
                new ValueTableCsv.RowError(6, "value is not a finite number: NaN"),
                new ValueTableCsv.RowError(7, "expected 4 fields, found 2")), parsed.errors());
        assertEquals(115, parsed.byPeriod().get("2022").get("110000", "high_skill_talent").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> ValueTableCsv.read(new StringReader("region,value\n")));
    }
}

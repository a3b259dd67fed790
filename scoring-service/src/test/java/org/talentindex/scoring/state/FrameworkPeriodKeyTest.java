package org.talentindex.scoring.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameworkPeriodKeyTest {

    @Test
    void periodsLaterAndEarlierAreCalendarYears() {
        FrameworkPeriodKey key = new FrameworkPeriodKey("jjj-talent-growth", "2015");
        assertEquals(new FrameworkPeriodKey("jjj-talent-growth", "2020"), key.plusPeriods(5));
        assertEquals(new FrameworkPeriodKey("jjj-talent-growth", "2014"), key.plusPeriods(-1));
        assertEquals("jjj-talent-growth/2015", key.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"indicator-update", "score-update", "index-report"})
    void periodIsTheContractsPattern(String contract) throws IOException {
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream("contracts/schemas/" + contract + ".schema.json")) {
            String pattern = new ObjectMapper().readTree(schema).path("properties").path("period").path("pattern").asText();
            assertEquals("^" + FrameworkPeriodKey.PERIOD.pattern() + "$", pattern);
        }
    }
}

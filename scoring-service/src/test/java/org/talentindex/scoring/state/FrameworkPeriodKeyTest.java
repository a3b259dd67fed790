package org.talentindex.scoring.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameworkPeriodKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"indicator-update", "score-update", "index-report"})
    void periodIsTheContractsPattern(String contract) throws IOException {
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream("contracts/schemas/" + contract + ".schema.json")) {
            String pattern = new ObjectMapper().readTree(schema).path("properties").path("period").path("pattern").asText();
            assertEquals("^" + FrameworkPeriodKey.PERIOD.pattern() + "$", pattern);
        }
    }
}

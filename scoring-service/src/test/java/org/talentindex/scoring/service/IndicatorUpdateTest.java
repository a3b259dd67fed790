package org.talentindex.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorUpdateTest {

    private static final ObjectReader READER = IndicatorUpdate.reader(new ObjectMapper());
    private static final String VALID = """
            {"updateId":"u1","frameworkId":"f","period":"2024","region":"110000","indicator":"i","value":12.5,"unit":"万人",
             "revision":2,"source":"s","receivedAt":"2024-01-01T00:00:00Z"}""";

    @Test
    void bindsAValidUpdate() throws IOException {
        IndicatorUpdate update = READER.readValue(VALID);
        assertEquals(12.5, update.value());
        assertEquals(2, update.revision());
        assertEquals("f/2024", update.key().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"value\":12.5,=", "\"value\":12.5=\"value\":\"12.5\"", "\"value\":12.5=\"value\":null",
            "\"revision\":2=\"revision\":0", "\"revision\":2=\"revision\":2.5", "\"period\":\"2024\"=\"period\":\"24\"",
            "\"updateId\":\"u1\"=\"updateId\":\"\"", "\"unit\":\"万人\",=", "\"region\":\"110000\"=\"region\":null"})
    void refusesWhatTheContractRefuses(String edit) {
        String[] parts = edit.split("=", 2);
        String broken = VALID.replace(parts[0], parts[1]);
        assertThrows(Exception.class, () -> READER.readValue(broken), broken);
    }
}

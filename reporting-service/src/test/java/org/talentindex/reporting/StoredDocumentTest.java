package org.talentindex.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.talentindex.reporting.repository.StoredDocument;

class StoredDocumentTest {

    private static final String DOCUMENT = "{\"frameworkId\":\"gctsi\",\"period\":\"2024\",\"ranking\":["
            + "{\"region\":\"boston\",\"name\":\"Boston — 波士顿\",\"score\":100.0,\"rank\":1},".repeat(300) + "]}";

    @Test
    void aDocumentReadsBackAsWritten() {
        assertEquals(DOCUMENT, StoredDocument.decode(StoredDocument.encode(DOCUMENT)));
    }

    @Test
    void aDocumentIsStoredCompressed() {
        byte[] stored = StoredDocument.encode(DOCUMENT);
        assertTrue(stored.length * 4 < DOCUMENT.getBytes(StandardCharsets.UTF_8).length,
                () -> stored.length + " bytes stored for " + DOCUMENT.length() + " characters");
    }

    @Test
    void aDocumentStoredBeforeCompressionReadsAsItIs() {
        assertEquals(DOCUMENT, StoredDocument.decode(DOCUMENT.getBytes(StandardCharsets.UTF_8)));
    }
}

package org.talentindex.ingestion.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

    private static final String JSON = "{\"source\":\"统计年鉴 é\"}";

    @Test
    void utf8WithOrWithoutItsBomIsRead() throws IOException {
        byte[] utf8 = JSON.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
        assertEquals(Optional.of(JSON), Utf8Text.decode(utf8));
        assertEquals(Optional.of(JSON), Utf8Text.decode(withBom));
        assertEquals(JSON, readAll(withBom));
        assertEquals(JSON, readAll(utf8));
        assertEquals("", readAll(new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE", "UTF-32", "GBK", "ISO-8859-1"})
    void otherCharsetsAreRefusedWithOrWithoutBom(String charset) {
        byte[] bytes = JSON.getBytes(Charset.forName(charset));
        assertTrue(Utf8Text.decode(bytes).isEmpty());
        assertThrows(CharacterCodingException.class, () -> readAll(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "C0AF",          // overlong '/'
            "E080AF",        // overlong '/' in three bytes
            "EDA080EDB080",  // CESU-8: a surrogate pair encoded one surrogate at a time
            "EDA080",        // a lone surrogate
            "80",            // a lone continuation byte
            "F4908080",      // beyond U+10FFFF
            "00"})           // NUL
    void nonShortestFormsSurrogatesAndNulAreRefused(String hex) {
        byte[] bytes = concat("{\"source\":\"a".getBytes(StandardCharsets.UTF_8), java.util.HexFormat.of().parseHex(hex),
                "\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(Utf8Text.decode(bytes).isEmpty());
        assertThrows(CharacterCodingException.class, () -> readAll(bytes));
    }

    @Test
    void textWithNulOrUnpairedSurrogatesIsNotStorable() {
        assertTrue(StorableText.isStorable("统计 😀 ok"));
        assertTrue(!StorableText.isStorable("a\u0000b"));
        assertTrue(!StorableText.isStorable("a\uD800"));
        assertTrue(!StorableText.isStorable("\uDC00a"));
        assertTrue(!StorableText.isStorable("\uD800\uD800\uDC00"));
    }

    @Test
    void rejectionMessagesAreBounded() {
        String message = new Rejection(RejectionReason.SCHEMA_VIOLATION, "x".repeat(100_000)).message();
        assertTrue(message.length() <= Rejection.MAX_MESSAGE_LENGTH + 1, "length " + message.length());
    }

    private static String readAll(byte[] bytes) throws IOException {
        try (Reader reader = Utf8Text.reader(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[7];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    private static byte[] concat(byte[] first, byte[]... rest) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(first);
        for (byte[] part : rest) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}

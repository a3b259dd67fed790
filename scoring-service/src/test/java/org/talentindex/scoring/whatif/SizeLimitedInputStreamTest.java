package org.talentindex.scoring.whatif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class SizeLimitedInputStreamTest {

    @Test
    void readsABodyOfExactlyTheLimit() throws IOException {
        byte[] body = new byte[1000];
        try (SizeLimitedInputStream limited = new SizeLimitedInputStream(new ByteArrayInputStream(body), 1000)) {
            assertArrayEquals(body, limited.readAllBytes());
            assertFalse(limited.exceeded());
        }
    }

    @Test
    void failsOnceTheBodyExceedsTheLimitHoweverItIsRead() throws IOException {
        try (SizeLimitedInputStream limited = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[1001]), 1000)) {
            assertThrows(IOException.class, limited::readAllBytes);
            assertTrue(limited.exceeded());
        }
        try (SizeLimitedInputStream limited = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[1001]), 1000)) {
            limited.readNBytes(1000);
            assertThrows(IOException.class, limited::read);
        }
        try (SizeLimitedInputStream limited = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[1001]), 1000)) {
            assertThrows(IOException.class, () -> limited.skip(1001));
        }
    }
}

package org.talentindex.ingestion.validation;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The encoding rule of JSON on both doors: strict UTF-8. Overlong and CESU-8 forms, unpaired surrogates and bytes of
 * other charsets are refused; so is a NUL byte, which only UTF-16 or UTF-32 text (with or without a BOM) puts outside
 * a JSON string. A leading UTF-8 BOM is skipped.
 */
public final class Utf8Text {

    public static final String NOT_UTF8 = "Not strict UTF-8 text (JSON must be UTF-8: not UTF-16/32, GBK or Latin-1)";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8Text() {
    }

    /** The text, or empty when the bytes break the rule. */
    public static Optional<String> decode(byte[] bytes) {
        int start = startsWithBom(bytes) ? BOM.length : 0;
        try {
            String text = strictDecoder().decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A reader that throws a {@link CharacterCodingException} where the stream breaks the rule. */
    public static Reader reader(InputStream in) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(in, BOM.length);
        byte[] head = stream.readNBytes(BOM.length);
        if (!startsWithBom(head)) {
            stream.unread(head);
        }
        return new NulRefusingReader(new InputStreamReader(stream, strictDecoder()));
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && Arrays.equals(bytes, 0, BOM.length, BOM, 0, BOM.length);
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static final class NulRefusingReader extends FilterReader {

        NulRefusingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c == 0) {
                throw new MalformedInputException(1);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\0') {
                    throw new MalformedInputException(1);
                }
            }
            return n;
        }
    }
}

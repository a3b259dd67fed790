package org.talentindex.reporting.repository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A report document as stored: gzip-compressed at the fastest level, about a fifth of its JSON. Every batch rewrites the
 * documents it changes, so this is what the database writes, logs (WAL, hence replicas and archives) and vacuums per
 * batch. A document stored before compression (plain UTF-8 JSON, never starting with gzip's magic bytes) reads as it is.
 */
@Converter
public class StoredDocument implements AttributeConverter<String, byte[]> {

    public static byte[] encode(String document) {
        return gzip(document.getBytes(StandardCharsets.UTF_8), Deflater.BEST_SPEED);
    }

    /** Gzip at a {@link Deflater} level: the fastest for storing, a smaller result where the bytes travel more often. */
    public static byte[] gzip(byte[] bytes, int level) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(bytes.length / 8);
        try (GZIPOutputStream gzip = new LevelledGzip(compressed, level)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    public static String decode(byte[] stored) {
        if (!isGzip(stored)) {
            return new String(stored, StandardCharsets.UTF_8);
        }
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored report document is not valid gzip", e);
        }
    }

    /** Whether the bytes start with gzip's magic number, stored low byte first. */
    private static boolean isGzip(byte[] stored) {
        return stored.length >= 2 && ((stored[0] & 0xff) | (stored[1] & 0xff) << 8) == GZIPInputStream.GZIP_MAGIC;
    }

    @Override
    public byte[] convertToDatabaseColumn(String document) {
        return document == null ? null : encode(document);
    }

    @Override
    public String convertToEntityAttribute(byte[] stored) {
        return stored == null ? null : decode(stored);
    }

    /** {@link GZIPOutputStream} has no constructor that takes the level. */
    private static final class LevelledGzip extends GZIPOutputStream {
        LevelledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out);
            def.setLevel(level);
        }
    }
}

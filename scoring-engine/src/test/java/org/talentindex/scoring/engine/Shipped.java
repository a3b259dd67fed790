package org.talentindex.scoring.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.talentindex.scoring.engine.framework.Framework;
import org.talentindex.scoring.engine.framework.FrameworkLoader;

/** The repository's frameworks/ directory and its sample data, for tests. */
public final class Shipped {

    public static final Path FRAMEWORKS = Path.of("..", "frameworks");
    /** Published figures the tests reproduce: tables of the source documents and COINr's ASEM results (see README there). */
    public static final Path PUBLISHED = Path.of("src", "test", "resources", "published");

    private Shipped() {
    }

    public static Framework framework(String id) {
        try {
            return FrameworkLoader.parse(Files.readString(FRAMEWORKS.resolve(id + ".yaml")), id + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, ValueTable> samples(String id) {
        try {
            return ValueTableCsv.read(Files.newBufferedReader(FRAMEWORKS.resolve("samples").resolve(id + ".csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

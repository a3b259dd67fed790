package org.talentindex.scoring.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkLoader;

/** The repository's frameworks/ directory and its sample data, for tests. */
public final class Shipped {

    public static final Path FRAMEWORKS = Path.of("..", "frameworks");
    /** Published figures the tests reproduce: tables of the source documents and COINr's ASEM results (see README there). */
    public static final Path PUBLISHED = Path.of("src", "test", "resources", "published");

    private Shipped() {
    }

    public static Framework framework(String id) {
        return FrameworkLoader.load(FRAMEWORKS.resolve(id + ".yaml"));
    }

    public static Map<String, ValueTable> samples(String id) {
        try {
            return ValueTableCsv.read(Files.newBufferedReader(FRAMEWORKS.resolve("samples").resolve(id + ".csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

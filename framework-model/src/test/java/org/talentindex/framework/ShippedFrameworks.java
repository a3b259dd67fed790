package org.talentindex.framework;

import java.nio.file.Path;

/** The repository's frameworks/ directory, for tests. */
final class ShippedFrameworks {

    static final Path DIRECTORY = Path.of("..", "frameworks");

    private ShippedFrameworks() {
    }

    static Framework framework(String id) {
        return FrameworkLoader.load(DIRECTORY.resolve(id + ".yaml"));
    }
}

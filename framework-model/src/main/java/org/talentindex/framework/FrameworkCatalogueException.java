package org.talentindex.framework;

import java.nio.file.Path;
import java.util.List;

/** A directory of framework definitions that cannot be used as a whole, with every problem found, each naming its file and line. */
public class FrameworkCatalogueException extends RuntimeException {

    private final List<String> problems;

    public FrameworkCatalogueException(Path directory, List<String> problems) {
        super("Framework definitions in " + directory.toAbsolutePath() + " refused:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

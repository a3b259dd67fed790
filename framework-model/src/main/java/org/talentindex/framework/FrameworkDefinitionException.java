package org.talentindex.framework;

/** A framework definition that cannot be used: which file, where in it (path and, once known, line), and why. */
public class FrameworkDefinitionException extends RuntimeException {

    private final String source;
    private final String path;
    private final int line;
    private final String reason;

    public FrameworkDefinitionException(String source, String path, String reason) {
        this(source, path, 0, reason);
    }

    private FrameworkDefinitionException(String source, String path, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + path + ": " + reason);
        this.source = source;
        this.path = path;
        this.line = line;
        this.reason = reason;
    }

    FrameworkDefinitionException atLine(int line) {
        return new FrameworkDefinitionException(source, path, line, reason);
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    /** The line in the file, 0 where it is not known. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}

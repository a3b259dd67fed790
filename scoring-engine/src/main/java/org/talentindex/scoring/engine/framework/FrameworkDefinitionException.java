package org.talentindex.scoring.engine.framework;

/** A framework definition that cannot be used: which file, where in it, and why. */
public class FrameworkDefinitionException extends RuntimeException {

    private final String source;
    private final String path;
    private final String reason;

    public FrameworkDefinitionException(String source, String path, String reason) {
        super(source + ": " + path + ": " + reason);
        this.source = source;
        this.path = path;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}

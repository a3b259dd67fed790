package org.talentindex.framework;

/** The model a framework computes; the YAML {@code method} key. */
public enum FrameworkMethod {
    COMPOSITE("composite"),
    STRUCTURE_DEVIATION("structure-deviation"),
    COUPLING_COORDINATION("coupling-coordination"),
    EARLY_WARNING("early-warning");

    private final String key;

    FrameworkMethod(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static FrameworkMethod parse(String key) {
        for (FrameworkMethod method : values()) {
            if (method.key.equals(key)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown method " + key);
    }
}

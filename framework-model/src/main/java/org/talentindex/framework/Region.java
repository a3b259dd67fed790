package org.talentindex.framework;

/** A region the framework scores; {@code group} (may be null) is the peer group used for group-mean imputation. */
public record Region(String code, LocalizedName names, String group) {

    public Region(String code, LocalizedName names) {
        this(code, names, null);
    }
}

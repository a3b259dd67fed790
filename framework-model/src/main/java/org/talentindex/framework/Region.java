package org.talentindex.framework;

import java.util.List;

/**
 * A region the framework scores; {@code group} (may be null) is the peer group used for group-mean imputation;
 * {@code members} are the regions an aggregate region (JJJ) is the sum of, empty for any other.
 */
public record Region(String code, LocalizedName names, String group, List<String> members) {

    public Region(String code, LocalizedName names, String group) {
        this(code, names, group, List.of());
    }

    public Region(String code, LocalizedName names) {
        this(code, names, null);
    }

    public Region withMembers(List<String> regions) {
        return new Region(code, names, group, List.copyOf(regions));
    }
}

package org.talentindex.framework;

import java.util.List;

/** A region of the region catalogue: observations can be given for it; an aggregate region is the sum of its members. */
public record CatalogueRegion(String code, LocalizedName names, Kind kind, List<String> members) {

    public enum Kind { PROVINCE, PREFECTURE, CITY, AGGREGATE }
}

package org.talentindex.ingestion.catalogue;

import java.util.List;

/** A region observations can be given for; an aggregate region is the sum of its members. */
public record Region(String code, String nameZh, String nameEn, Kind kind, List<String> members) {

    public enum Kind { PROVINCE, PREFECTURE, CITY, AGGREGATE, FRAMEWORK }
}

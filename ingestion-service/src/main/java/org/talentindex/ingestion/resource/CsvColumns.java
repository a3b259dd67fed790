package org.talentindex.ingestion.resource;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Header names of a CSV upload: the English field names and their Chinese equivalents, and {@code indicator[unit]} columns. */
final class CsvColumns {

    static final String REGION = "region";
    static final String INDICATOR = "indicator";
    static final String PERIOD = "period";
    static final String VALUE = "value";
    static final String UNIT = "unit";
    static final String SOURCE = "source";
    static final String OBSERVATION_ID = "observationId";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("地区", REGION), Map.entry("地区代码", REGION), Map.entry("区域", REGION), Map.entry("城市", REGION),
            Map.entry("行政区划代码", REGION), Map.entry("省份", REGION),
            Map.entry("指标", INDICATOR), Map.entry("指标代码", INDICATOR),
            Map.entry("年份", PERIOD), Map.entry("年度", PERIOD), Map.entry("时期", PERIOD),
            Map.entry("数值", VALUE), Map.entry("值", VALUE),
            Map.entry("单位", UNIT),
            Map.entry("来源", SOURCE), Map.entry("数据来源", SOURCE),
            Map.entry("观测编号", OBSERVATION_ID));

    private static final Pattern WITH_UNIT = Pattern.compile("^(.+?)\\s*[\\[（(]\\s*(.+?)\\s*[\\]）)]$");

    /** An indicator column of a wide table: the indicator code or name, and the unit if the header gives one. */
    record IndicatorColumn(String indicator, String unit) {
    }

    private CsvColumns() {
    }

    static String canonical(String header) {
        String name = header.replace("\uFEFF", "").strip();
        return ALIASES.getOrDefault(name, name);
    }

    static boolean isField(String name) {
        return switch (name) {
            case REGION, INDICATOR, PERIOD, VALUE, UNIT, SOURCE, OBSERVATION_ID -> true;
            default -> false;
        };
    }

    static IndicatorColumn indicatorColumn(String header) {
        Matcher matcher = WITH_UNIT.matcher(header);
        return matcher.matches() ? new IndicatorColumn(matcher.group(1), matcher.group(2)) : new IndicatorColumn(header, null);
    }
}

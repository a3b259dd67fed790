package org.talentindex.ingestion;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Malformed observations, each with the reason code it must be refused with, whichever door it comes through. */
final class MalformedInputCorpus {

    record Case(String name, byte[] bytes, String reason) {
    }

    private static final Charset GBK = Charset.forName("GBK");

    private MalformedInputCorpus() {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String valid = json(base());
        for (int length = 1; length < valid.length(); length += Math.max(1, valid.length() / 30)) {
            cases.add(text("truncated at " + length, valid.substring(0, length), "MALFORMED_JSON"));
        }
        cases.add(text("empty message", "", "MALFORMED_JSON"));
        cases.add(text("only spaces", "   ", "MALFORMED_JSON"));
        cases.add(text("trailing garbage", valid + " x", "MALFORMED_JSON"));
        cases.add(text("two documents", valid + valid, "MALFORMED_JSON"));
        cases.add(text("single quotes", valid.replace('"', '\''), "MALFORMED_JSON"));
        cases.add(text("comment", "/* c */" + valid, "MALFORMED_JSON"));
        for (String literal : List.of("NaN", "Infinity", "-Infinity", "+1", "0x10", ".5", "1.", "01")) {
            cases.add(text("value literal " + literal, json(with("value", literal)), "MALFORMED_JSON"));
        }
        for (String field : List.of("region", "indicator", "period", "unit", "source")) {
            for (String wrong : List.of("123", "true", "[]", "{}", "null", "1.5")) {
                cases.add(text(field + " = " + wrong, json(with(field, wrong)), "WRONG_TYPE"));
            }
        }
        for (String wrong : List.of("\"many\"", "true", "[]", "{}", "null", "\"1\"", "\"\"", "[1]")) {
            cases.add(text("value = " + wrong, json(with("value", wrong)), "WRONG_TYPE"));
        }
        for (String field : List.of("region", "indicator", "period", "value", "unit", "source")) {
            Map<String, String> missing = base();
            missing.remove(field);
            cases.add(text("no " + field, json(missing), "MISSING_FIELD"));
        }
        for (String field : List.of("region", "indicator", "unit", "source", "observationId")) {
            cases.add(text("empty " + field, json(with(field, "\"\"")), "MISSING_FIELD"));
        }
        for (String huge : List.of("1e400", "-1e400", "1e309", "9".repeat(400), "-" + "9".repeat(400))) {
            cases.add(text("huge " + huge.substring(0, Math.min(10, huge.length())), json(with("value", huge)), "NOT_FINITE"));
        }
        for (String big : List.of("1e300", "10001", "-0.0001", "-1", "1e5")) {
            cases.add(text("out of range " + big, json(with("value", big)), "OUT_OF_RANGE"));
        }
        for (String period : List.of("\"22\"", "\"20220\"", "\"abcd\"", "\"2022-01\"", "\" 2022\"", "\"\"", "\"２０２２\"")) {
            cases.add(text("period " + period, json(with("period", period)), "INVALID_PERIOD"));
        }
        for (String period : List.of("\"1800\"", "\"2099\"", "\"0000\"", "\"9999\"")) {
            cases.add(text("period " + period, json(with("period", period)), "PERIOD_OUT_OF_RANGE"));
        }
        for (int i = 0; i < 30; i++) {
            cases.add(text("unknown indicator " + i, json(with("indicator", "\"no_such_indicator_" + i + "\"")), "UNKNOWN_INDICATOR"));
        }
        cases.add(text("indicator in capitals", json(with("indicator", "\"HIGH_SKILL_TALENT\"")), "UNKNOWN_INDICATOR"));
        cases.add(text("indicator with SQL", json(with("indicator", "\"x'; drop table observation; --\"")), "UNKNOWN_INDICATOR"));
        for (int i = 0; i < 30; i++) {
            cases.add(text("unknown region " + i, json(with("region", "\"99" + String.format("%04d", i) + "\"")), "UNKNOWN_REGION"));
        }
        for (String region : List.of("\"北京\"", "\"Peking!\"", "\"110000 \"", "\"11\"", "\"JJ\"", "\"' or 1=1 --\"")) {
            cases.add(text("region " + region, json(with("region", region)), "UNKNOWN_REGION"));
        }
        for (String region : List.of("652300", "130200", "CITY-US-NEW-YORK", "JJJ", "440300")) {
            cases.add(text("region not covered " + region, json(with("region", "\"" + region + "\"")), "REGION_NOT_COVERED"));
        }
        for (String unit : List.of("亿元", "%", "kg", "万 人", "persons per km2", "件")) {
            cases.add(text("unit " + unit, json(with("unit", "\"" + unit + "\"")), "WRONG_UNIT"));
        }
        cases.add(text("not binary", "{\"region\":\"AUT\",\"indicator\":\"TIRcon\",\"period\":\"2018\",\"value\":2,\"unit\":\"(1 (yes)/0 (no))\",\"source\":\"t\"}", "NOT_BINARY"));
        for (String extra : List.of("\"extra\":1", "\"Value\":1", "\"region_code\":\"110000\"")) {
            cases.add(text("extra " + extra, valid.replace("{", "{" + extra + ","), "SCHEMA_VIOLATION"));
        }
        for (String field : List.of("region", "indicator", "unit", "source", "observationId")) {
            cases.add(text("long " + field, json(with(field, "\"" + "x".repeat(1000) + "\"")), "FIELD_TOO_LONG"));
        }
        cases.add(text("very long line", json(with("source", "\"" + "统计".repeat(100_000) + "\"")), "FIELD_TOO_LONG"));
        cases.add(new Case("GBK source", json(with("source", "\"统计年鉴\"")).getBytes(GBK), "BAD_ENCODING"));
        cases.add(new Case("GBK unit", json(with("unit", "\"万人\"")).getBytes(GBK), "BAD_ENCODING"));
        cases.add(new Case("Latin-1 source", json(with("source", "\"Annuaire statistique été\"")).getBytes(StandardCharsets.ISO_8859_1), "BAD_ENCODING"));
        int insideSource = valid.indexOf("corpus") + 3;
        cases.add(new Case("lone continuation byte", concat(valid.substring(0, insideSource).getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0x80}, valid.substring(insideSource).getBytes(StandardCharsets.UTF_8)), "BAD_ENCODING"));
        cases.add(new Case("BOM then unknown indicator", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                json(with("indicator", "\"bom_indicator\"")).getBytes(StandardCharsets.UTF_8)), "UNKNOWN_INDICATOR"));
        cases.add(new Case("BOM then wrong unit", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                json(with("unit", "\"kg\"")).getBytes(StandardCharsets.UTF_8)), "WRONG_UNIT"));
        return cases;
    }

    static Map<String, String> base() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("region", "\"110000\"");
        fields.put("indicator", "\"high_skill_talent\"");
        fields.put("period", "\"2030\"");
        fields.put("value", "12.5");
        fields.put("unit", "\"万人\"");
        fields.put("source", "\"corpus\"");
        return fields;
    }

    static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value));
        return json.append('}').toString();
    }

    private static Map<String, String> with(String field, String value) {
        Map<String, String> fields = base();
        fields.put(field, value);
        return fields;
    }

    private static Case text(String name, String json, String reason) {
        return new Case(name, json.getBytes(StandardCharsets.UTF_8), reason);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}

package org.talentindex.ingestion;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed and borderline observations, each with the reason code it must be refused with ({@link #ACCEPTED} for the
 * borderline ones a door must take), whichever door it comes through.
 */
final class MalformedInputCorpus {

    static final String ACCEPTED = "ACCEPTED";

    record Case(String name, byte[] bytes, String reason) {

        boolean accepted() {
            return ACCEPTED.equals(reason);
        }
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
        for (String region : List.of("\"Peking!\"", "\"110000 \"", "\"11\"", "\"JJ\"", "\"' or 1=1 --\"", "\"Suzhou\"")) {
            cases.add(text("region " + region, json(with("region", region)), "UNKNOWN_REGION"));
        }
        for (String name : List.of("\"北京\"", "\"北京市\"", "\"Beijing\"")) {
            cases.add(text("region by name " + name, json(with("region", name)), ACCEPTED));
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
        addStrictJsonCases(cases, valid);
        addEncodingCases(cases, valid);
        addTextCases(cases);
        addNumberCases(cases);
        addAcceptedCases(cases, valid);
        return cases;
    }

    private static void addStrictJsonCases(List<Case> cases, String valid) {
        cases.add(text("duplicate key region", valid.replace("{", "{\"region\":\"120000\","), "MALFORMED_JSON"));
        cases.add(text("duplicate key value", valid.replace("}", ",\"value\":9999}"), "MALFORMED_JSON"));
        cases.add(text("second object", valid + "\n" + valid, "MALFORMED_JSON"));
        cases.add(text("trailing comma", valid.replace("}", ",}"), "MALFORMED_JSON"));
        cases.add(text("trailing bracket", valid + "]", "MALFORMED_JSON"));
        cases.add(text("raw control character in source", json(with("source", "\"cor\u0001pus\"")), "MALFORMED_JSON"));
        cases.add(text("raw line break in source", json(with("source", "\"cor\npus\"")), "MALFORMED_JSON"));
        cases.add(text("nested 5000 deep", json(with("value", "[".repeat(5000) + "]".repeat(5000))), "MALFORMED_JSON"));
        cases.add(text("nested 100 deep", json(with("value", "[".repeat(100) + "]".repeat(100))), "WRONG_TYPE"));
        cases.add(text("nested object value", json(with("value", "{\"amount\":12.5,\"unit\":\"万人\"}")), "WRONG_TYPE"));
        cases.add(text("5000 unknown fields", valid.replace("}", unknownFields(5000) + "}"), "SCHEMA_VIOLATION"));
        cases.add(text("a 40,000 character field name", valid.replace("{", "{\"" + "k".repeat(40_000) + "\":1,"), "SCHEMA_VIOLATION"));
    }

    private static void addEncodingCases(List<Case> cases, String valid) {
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE")) {
            cases.add(new Case("whole message in " + charset, valid.getBytes(Charset.forName(charset)), "BAD_ENCODING"));
        }
        cases.add(new Case("UTF-16LE with its BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, valid.getBytes(StandardCharsets.UTF_16LE)),
                "BAD_ENCODING"));
        int insideSource = valid.indexOf("corpus") + 3;
        Map<String, String> invalidUtf8 = new LinkedHashMap<>();
        invalidUtf8.put("overlong slash", "C0AF");
        invalidUtf8.put("overlong slash in three bytes", "E080AF");
        invalidUtf8.put("CESU-8 surrogate pair", "EDA0BDEDB880");
        invalidUtf8.put("encoded lone surrogate", "EDA080");
        invalidUtf8.put("beyond U+10FFFF", "F4908080");
        invalidUtf8.put("truncated sequence", "E4B8");
        invalidUtf8.put("raw NUL byte", "00");
        invalidUtf8.forEach((name, hex) -> cases.add(new Case(name + " in source", concat(valid.substring(0, insideSource).getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex(hex), valid.substring(insideSource).getBytes(StandardCharsets.UTF_8)), "BAD_ENCODING")));
    }

    private static void addTextCases(List<Case> cases) {
        for (String field : List.of("source", "observationId", "unit", "region", "indicator")) {
            cases.add(text("escaped NUL in " + field, json(with(field, "\"a\\u0000b\"")), "INVALID_TEXT"));
        }
        cases.add(text("escaped lone high surrogate in source", json(with("source", "\"a\\ud800b\"")), "INVALID_TEXT"));
        cases.add(text("escaped lone low surrogate in source", json(with("source", "\"\\udc00\"")), "INVALID_TEXT"));
        cases.add(text("escaped surrogates in reverse order", json(with("observationId", "\"\\udc00\\ud800\"")), "INVALID_TEXT"));
        for (String period : List.of("2023\\n", "2023\\r", "2023\\r\\n", "2023\\u2028", "2023\\u0085", "\\n2023")) {
            cases.add(text("period " + period, json(with("period", "\"" + period + "\"")), "INVALID_PERIOD"));
        }
        cases.add(text("period as number", json(with("period", "2030")), "WRONG_TYPE"));
        cases.add(text("zero-width space in indicator", json(with("indicator", "\"high_skill\u200Btalent\"")), "UNKNOWN_INDICATOR"));
        cases.add(text("zero-width joiner after indicator", json(with("indicator", "\"high_skill_talent\u200D\"")), "UNKNOWN_INDICATOR"));
        cases.add(text("right-to-left override in region", json(with("region", "\"\u202E110000\"")), "UNKNOWN_REGION"));
        cases.add(text("escaped control character in region", json(with("region", "\"110000\\u0001\"")), "UNKNOWN_REGION"));
        cases.add(text("full-width digits in region", json(with("region", "\"１１００００\"")), "UNKNOWN_REGION"));
        cases.add(text("only spaces in region", json(with("region", "\"   \"")), "UNKNOWN_REGION"));
        cases.add(text("zero-width space in unit", json(with("unit", "\"万\u200B人\"")), "WRONG_UNIT"));
        cases.add(text("observationId as number", json(with("observationId", "42")), "WRONG_TYPE"));
    }

    private static void addNumberCases(List<Case> cases) {
        for (String huge : List.of("1e308", "-1e308", "1e305", "1.7976931348623157e308")) {
            cases.add(text("job postings " + huge + " in 亿人 (infinite once converted)", jobPostings(huge, "亿人"), "NOT_FINITE"));
        }
        cases.add(text("job postings 1e300 in 万人 (finite once converted)", jobPostings("1e300", "万人"), ACCEPTED));
        cases.add(text("job postings -1 in 亿人", jobPostings("-1", "亿人"), "OUT_OF_RANGE"));
        for (String literal : List.of("-NaN", "inf", "-Infinity", "1e", "--1", "1_000", "0x1p3", "1,5")) {
            cases.add(text("value literal " + literal, json(with("value", literal)), "MALFORMED_JSON"));
        }
        for (String inString : List.of("\"12.5\"", "\"NaN\"", "\"Infinity\"", "\"1e400\"", "\" 12\"")) {
            cases.add(text("value as string " + inString, json(with("value", inString)), "WRONG_TYPE"));
        }
    }

    private static void addAcceptedCases(List<Case> cases, String valid) {
        for (String zero : List.of("-0", "-0.0", "0", "-0e5")) {
            cases.add(text("value " + zero, json(with("value", zero)), ACCEPTED));
        }
        cases.add(text("value 1E1", json(with("value", "1E1")), ACCEPTED));
        cases.add(text("value 1e-400 (rounds to zero)", json(with("value", "1e-400")), ACCEPTED));
        cases.add(text("pretty-printed with CRLF", valid.replace(",", ",\r\n  ").replace("{", "{\r\n  "), ACCEPTED));
        cases.add(text("surrounding whitespace", " \t\r\n" + valid + "\r\n ", ACCEPTED));
        cases.add(text("escaped surrogate pair in source", json(with("source", "\"emoji \\ud83d\\ude00\"")), ACCEPTED));
        cases.add(text("right-to-left text in source", json(with("source", "\"\u202Eمصدر\"")), ACCEPTED));
        cases.add(text("escaped line break in source", json(with("source", "\"line one\\nline two\"")), ACCEPTED));
        cases.add(new Case("UTF-8 BOM then a valid observation", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                valid.getBytes(StandardCharsets.UTF_8)), ACCEPTED));
    }

    private static String jobPostings(String value, String unit) {
        return "{\"region\":\"new-materials\",\"indicator\":\"job_postings\",\"period\":\"2030\",\"value\":" + value
                + ",\"unit\":\"" + unit + "\",\"source\":\"corpus\"}";
    }

    private static String unknownFields(int count) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            fields.append(",\"unknown_field_number_").append(i).append("\":\"").append("v".repeat(10)).append('"');
        }
        return fields.toString();
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

package org.talentindex.deploy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** Where two JSON trees differ, as paths (numbers compared by value, 1 equals 1.0). */
final class JsonDifference {

    private JsonDifference() {
    }

    static void between(JsonNode expected, JsonNode actual, String path, List<String> differences) {
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                differences.add(path + ": " + expected + " != " + actual);
            }
        } else if (expected.isObject() && actual.isObject()) {
            Set<String> fields = new TreeSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            actual.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                between(expected.path(field), actual.path(field), path + "/" + field, differences);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int index = 0; index < expected.size(); index++) {
                between(expected.get(index), actual.get(index), path + "/" + index, differences);
            }
        } else if (!expected.equals(actual)) {
            String shownExpected = expected.toString();
            String shownActual = actual.toString();
            differences.add(path + ": " + shorten(shownExpected) + " != " + shorten(shownActual));
        }
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}

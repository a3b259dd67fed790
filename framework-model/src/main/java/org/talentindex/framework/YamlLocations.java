package org.talentindex.framework;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Where each value of a YAML document stands: its JSON pointer and its line, so that complaints can name the line. */
final class YamlLocations {

    record Scalar(String pointer, String text, int line) {
    }

    private static final YAMLFactory YAML = new YAMLFactory();

    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final List<Scalar> scalars = new ArrayList<>();

    private YamlLocations() {
    }

    /** What could be read of the document: a broken one yields the locations up to where it breaks. */
    static YamlLocations of(String yaml) {
        YamlLocations locations = new YamlLocations();
        try (JsonParser parser = YAML.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                int line = parser.currentTokenLocation().getLineNr();
                locations.lines.putIfAbsent(pointer, line);
                if (token.isScalarValue()) {
                    locations.scalars.add(new Scalar(pointer, parser.getText(), line));
                }
            }
        } catch (IOException broken) {
            // the parser names the broken place itself
        }
        return locations;
    }

    /** The line of the value at the pointer, or of its nearest enclosing value; 0 if none is known. */
    int line(String pointer) {
        for (String at = pointer; ; at = at.substring(0, at.lastIndexOf('/'))) {
            Integer line = lines.get(at.equals("/") ? "" : at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty() || at.equals("/")) {
                return 0;
            }
        }
    }

    /** The pointer of the first {@code code} entry with this text under the given top-level key, or null. */
    String pointerOfCode(String topKey, String code) {
        return scalars.stream()
                .filter(s -> s.pointer().startsWith("/" + topKey + "/") && s.pointer().endsWith("/code") && s.text().equals(code))
                .map(Scalar::pointer).findFirst().orElse(null);
    }
}

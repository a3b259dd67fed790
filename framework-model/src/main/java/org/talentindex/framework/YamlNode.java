package org.talentindex.framework;

import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** A node of a definition being read, with its path, so that every complaint names the file and the place. */
record YamlNode(JsonNode node, String source, String path) {

    FrameworkDefinitionException error(String reason) {
        return new FrameworkDefinitionException(source, path.isEmpty() ? "/" : path, reason);
    }

    YamlNode child(String field) {
        return new YamlNode(node.path(field), source, path + "/" + field);
    }

    YamlNode element(int index) {
        return new YamlNode(node.path(index), source, path + "/" + index);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    int size() {
        return node.isArray() ? node.size() : 0;
    }

    YamlNode required(String field) {
        if (!has(field)) {
            throw child(field).error("missing");
        }
        return child(field);
    }

    String text() {
        if (!node.isValueNode()) {
            throw error("must be a single value");
        }
        return node.asText();
    }

    String text(String field, String fallback) {
        return has(field) ? child(field).text() : fallback;
    }

    double number() {
        if (!node.isNumber()) {
            throw error("must be a number, not " + node);
        }
        return node.asDouble();
    }

    double number(String field, double fallback) {
        return has(field) ? child(field).number() : fallback;
    }

    Double optionalNumber(String field) {
        return has(field) ? child(field).number() : null;
    }

    <T> T parsed(String field, String fallback, Function<String, T> parser) {
        YamlNode value = child(field);
        try {
            return parser.apply(has(field) ? value.text() : fallback);
        } catch (IllegalArgumentException e) {
            throw value.error(e.getMessage());
        }
    }

    YamlNode list(String field) {
        YamlNode list = child(field);
        if (has(field) && !list.node.isArray()) {
            throw list.error("must be a list");
        }
        return list;
    }

    /** Rejects keys this node may not hold: a misspelt key would otherwise be silently ignored. */
    YamlNode allowOnly(Set<String> keys) {
        if (!node.isObject()) {
            throw error("must be a mapping");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw child(name).error("unknown key (allowed: " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
        return this;
    }
}

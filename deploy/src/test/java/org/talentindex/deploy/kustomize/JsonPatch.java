package org.talentindex.deploy.kustomize;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON 6902 patches written in YAML, as kustomize applies them: the operations add, replace and remove. */
final class JsonPatch {

    private JsonPatch() {
    }

    static boolean isJsonPatch(String text) {
        return read(text).isArray();
    }

    static void apply(ObjectNode object, String text) {
        for (JsonNode operation : read(text)) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            int slash = path.lastIndexOf('/');
            JsonNode parent = object.at(path.substring(0, slash));
            String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            if (parent instanceof ObjectNode fields && (op.equals("add") || op.equals("replace") && fields.has(last))) {
                fields.set(last, operation.path("value"));
            } else if (parent instanceof ObjectNode fields && op.equals("remove") && fields.has(last)) {
                fields.remove(last);
            } else if (parent instanceof ArrayNode items && op.equals("add") && last.equals("-")) {
                items.add(operation.path("value"));
            } else if (parent instanceof ArrayNode items && last.matches("\\d+") && Integer.parseInt(last) < items.size()
                    + (op.equals("add") ? 1 : 0)) {
                int index = Integer.parseInt(last);
                switch (op) {
                    case "add" -> items.insert(index, operation.path("value"));
                    case "replace" -> items.set(index, operation.path("value"));
                    case "remove" -> items.remove(index);
                    default -> throw new IllegalArgumentException("JSON 6902 operation " + op + " is not rendered");
                }
            } else {
                throw new IllegalArgumentException("JSON 6902 " + op + " " + path + " does not apply to "
                        + object.path("kind").asText() + " " + object.path("metadata").path("name").asText());
            }
        }
    }

    private static JsonNode read(String text) {
        try {
            return Yaml.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not valid YAML", e);
        }
    }
}

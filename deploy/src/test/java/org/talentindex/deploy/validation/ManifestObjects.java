package org.talentindex.deploy.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small lookups over rendered objects (Jackson trees). */
public final class ManifestObjects {

    private ManifestObjects() {
    }

    public static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    public static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    public static String describe(JsonNode object) {
        return object.path("kind").asText() + " " + nameOf(object);
    }

    public static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(object -> object.path("kind").asText().equals(kind)).toList();
    }

    public static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(object -> nameOf(object).equals(name)).findFirst();
    }

    public static List<JsonNode> containers(JsonNode workload) {
        return elements(workload.path("spec").path("template").path("spec").path("containers"));
    }

    /** The elements of an array; none of a missing node. */
    public static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}

package org.talentindex.deploy.validation;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * No secret value in the manifests: a Secret object may not carry data or stringData (Secrets are
 * created in the cluster, see README), and neither a ConfigMap key nor a literal env value may hold
 * something named like a credential.
 */
final class SecretCheck {

    private static final List<String> CREDENTIAL_WORDS = List.of("PASSWORD", "SECRET", "JAAS", "API_KEYS", "TOKEN",
            "PRIVATE_KEY");

    static void check(List<ObjectNode> objects, Violations violations) {
        for (ObjectNode object : objects) {
            String kind = object.path("kind").asText();
            if (kind.equals("Secret") && (hasEntries(object.path("data")) || hasEntries(object.path("stringData")))) {
                violations.add(ManifestObjects.describe(object) + ": Secret with a literal value (create it in the cluster instead)");
            }
            if (kind.equals("ConfigMap")) {
                object.path("data").fieldNames().forEachRemaining(key -> {
                    if (namesCredential(key)) {
                        violations.add(ManifestObjects.describe(object) + ": credential " + key + " in a ConfigMap");
                    }
                });
            }
            for (JsonNode container : ManifestObjects.containers(object)) {
                for (JsonNode variable : container.path("env")) {
                    if (variable.has("value") && namesCredential(variable.path("name").asText())) {
                        violations.add(ManifestObjects.describe(object) + ": literal value for credential "
                                + variable.path("name").asText() + " (use secretKeyRef)");
                    }
                }
            }
        }
    }

    private static boolean hasEntries(JsonNode map) {
        return map.isObject() && !map.isEmpty();
    }

    private static boolean namesCredential(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return CREDENTIAL_WORDS.stream().anyMatch(upper::contains);
    }
}

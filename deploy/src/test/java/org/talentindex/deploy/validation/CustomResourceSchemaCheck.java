package org.talentindex.deploy.validation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates the CloudNativePG objects against the structural schemas in src/test/resources/schemas. */
final class CustomResourceSchemaCheck {

    private static final Set<String> KINDS = Set.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database",
            "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    static boolean knows(ObjectNode object) {
        return KINDS.contains(ManifestObjects.typeOf(object));
    }

    static void check(ObjectNode object, Violations violations) {
        String type = ManifestObjects.typeOf(object);
        JsonSchema schema = SCHEMAS.computeIfAbsent(type, key -> FACTORY.getSchema(
                SchemaLocation.of("classpath:schemas/" + key.replace('/', '-') + ".yaml")));
        for (ValidationMessage message : schema.validate(object)) {
            String text = message.getMessage();
            violations.add(ManifestObjects.describe(object) + ": "
                    + (text.contains("is not defined in the schema") ? "unknown field: " : "") + text);
        }
    }
}

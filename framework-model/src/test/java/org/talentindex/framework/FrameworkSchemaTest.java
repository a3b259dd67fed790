package org.talentindex.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

/** contracts/framework.schema.json describes the files the loader reads. */
class FrameworkSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("..", "contracts", "framework.schema.json")));
    }

    @Test
    void everyShippedFrameworkIsValid() throws IOException {
        JsonSchema schema = schema();
        List<Path> files;
        try (Stream<Path> list = Files.list(ShippedFrameworks.DIRECTORY)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertEquals(10, files.size());
        for (Path file : files) {
            Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
            assertEquals(Set.of(), errors, file.toString());
        }
    }

    @Test
    void aMalformedDefinitionIsInvalid() throws IOException {
        JsonNode bad = YAML.readTree(FrameworkLoaderTest.MINIMAL.replace("method: composite", "method: magic")
                .replace("code: a", "code: a\n    wieght: 1"));
        assertFalse(schema().validate(bad).isEmpty());
    }
}

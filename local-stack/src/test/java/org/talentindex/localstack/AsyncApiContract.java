package org.talentindex.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * contracts/asyncapi.yaml as a validator: of itself against the official AsyncAPI 3.0.0 JSON Schema, and of records
 * against the payload and headers of the message of their channel.
 */
final class AsyncApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String CONTRACTS_ID = "https://talentindex.org/contracts/";

    private final JsonNode document;
    private final JsonSchemaFactory schemas;

    private AsyncApiContract(JsonNode document, Path contracts) {
        this.document = document;
        this.schemas = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                .schemaMappers(mappers -> mappers.mapPrefix(CONTRACTS_ID, contracts.resolve("schemas").toUri().toString()))
                .build();
    }

    static AsyncApiContract read(Path home) throws IOException {
        Path contracts = home.resolve("contracts");
        return new AsyncApiContract(YAML.readTree(contracts.resolve("asyncapi.yaml").toFile()), contracts);
    }

    /** Violations of the AsyncAPI 3.0.0 schema (draft-07) by the document. */
    Set<ValidationMessage> violationsOfTheSpecification() throws IOException {
        try (InputStream specification = AsyncApiContract.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(specification).validate(document);
        }
    }

    /** The payload schema of the one message of the channel with this address. */
    JsonSchema payload(String address) {
        return schema(message(address).path("payload"));
    }

    /** The headers schema of the message of the channel, or null when the message declares none. */
    JsonSchema headers(String address) {
        JsonNode headers = message(address).path("headers");
        return headers.isMissingNode() ? null : schema(headers);
    }

    private JsonNode message(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (address.equals(channel.path("address").asText())) {
                JsonNode messages = channel.path("messages");
                if (messages.size() != 1) {
                    throw new IllegalStateException(address + " has " + messages.size() + " messages; expected one");
                }
                return resolve(messages.elements().next());
            }
        }
        throw new IllegalArgumentException("No channel with address " + address);
    }

    /** A local reference (#/components/...) followed within the document. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#") ? resolve(document.at(ref.substring(1))) : node;
    }

    /** An inline schema, or a reference to a file of contracts/schemas, read by its $id. */
    private JsonSchema schema(JsonNode node) {
        String ref = node.path("$ref").asText();
        if (ref.startsWith("schemas/")) {
            return schemas.getSchema(java.net.URI.create(CONTRACTS_ID + ref.substring("schemas/".length())));
        }
        return schemas.getSchema(node);
    }

    static String describe(Set<ValidationMessage> violations) {
        return violations.stream().map(ValidationMessage::toString).limit(20).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

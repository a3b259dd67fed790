package org.talentindex.deploy.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.talentindex.deploy.kustomize.Yaml;

/** The topic names (channel addresses) of the AsyncAPI document, contracts/asyncapi.yaml. */
public final class AsyncApiTopics {

    private AsyncApiTopics() {
    }

    public static Set<String> read(Path document) {
        if (!Files.isRegularFile(document)) {
            throw new IllegalStateException("No AsyncAPI document at " + document
                    + ": the topics in the manifests are checked against its channel addresses");
        }
        Set<String> topics = new TreeSet<>();
        for (JsonNode channel : Yaml.readSingle(document).path("channels")) {
            if (channel.hasNonNull("address")) {
                topics.add(channel.path("address").asText());
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException(document + " names no channel address");
        }
        return topics;
    }
}

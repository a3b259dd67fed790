package org.talentindex.deploy.validation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Topics: every KafkaTopic and every topic in a KafkaUser ACL is in the AsyncAPI document, every
 * AsyncAPI topic has its KafkaTopic, index-reports is compacted, and each topic setting is one Kafka knows.
 */
final class TopicCheck {

    private static final Set<String> TOPIC_SETTINGS = Set.of("cleanup.policy", "retention.ms", "retention.bytes",
            "min.insync.replicas", "min.compaction.lag.ms", "max.compaction.lag.ms", "min.cleanable.dirty.ratio",
            "segment.ms", "segment.bytes", "delete.retention.ms", "compression.type", "max.message.bytes",
            "message.timestamp.type");

    static void check(List<ObjectNode> objects, Set<String> asyncApiTopics, Violations violations) {
        Set<String> declared = new TreeSet<>();
        for (ObjectNode topic : ManifestObjects.ofKind(objects, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(ManifestObjects.nameOf(topic));
            declared.add(name);
            if (!asyncApiTopics.contains(name)) {
                violations.add("KafkaTopic " + name + ": topic not in the AsyncAPI document " + asyncApiTopics);
            }
            topic.path("spec").path("config").fieldNames().forEachRemaining(setting -> {
                if (!TOPIC_SETTINGS.contains(setting)) {
                    violations.add("KafkaTopic " + name + ": unknown topic setting " + setting);
                }
            });
            if (name.equals("index-reports")
                    && !topic.path("spec").path("config").path("cleanup.policy").asText().contains("compact")) {
                violations.add("KafkaTopic index-reports: must be compacted (cleanup.policy compact)");
            }
        }
        for (String topic : asyncApiTopics) {
            if (!declared.contains(topic)) {
                violations.add("AsyncAPI topic " + topic + " has no KafkaTopic");
            }
        }
        for (ObjectNode user : ManifestObjects.ofKind(objects, "KafkaUser")) {
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (resource.path("type").asText().equals("topic") && !asyncApiTopics.contains(resource.path("name").asText())) {
                    violations.add(ManifestObjects.describe(user) + ": ACL for topic not in the AsyncAPI document: "
                            + resource.path("name").asText());
                }
            }
        }
    }
}

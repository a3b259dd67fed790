package org.talentindex.deploy.kustomize;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The kustomization transformers: namespace, labels, replicas, images, and generated-name references. */
final class ObjectTransformers {

    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "StorageClass", "PersistentVolume");
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    private ObjectTransformers() {
    }

    static void setNamespace(List<ObjectNode> objects, String namespace) {
        if (namespace == null) {
            return;
        }
        for (ObjectNode object : objects) {
            if (!CLUSTER_SCOPED_KINDS.contains(object.path("kind").asText())) {
                metadata(object).put("namespace", namespace);
            }
        }
    }

    static void addLabels(List<ObjectNode> objects, JsonNode labelEntries) {
        for (JsonNode entry : labelEntries) {
            if (entry.path("includeSelectors").asBoolean() || entry.path("includeTemplates").asBoolean()) {
                throw new IllegalArgumentException("labels with includeSelectors or includeTemplates are not rendered");
            }
            for (ObjectNode object : objects) {
                ObjectNode labels = metadata(object).with("labels");
                entry.path("pairs").fields().forEachRemaining(pair -> labels.set(pair.getKey(), pair.getValue()));
            }
        }
    }

    static void setReplicas(List<ObjectNode> objects, JsonNode replicaEntries) {
        for (JsonNode entry : replicaEntries) {
            for (ObjectNode object : objects) {
                if (WORKLOAD_KINDS.contains(object.path("kind").asText())
                        && object.path("metadata").path("name").asText().equals(entry.path("name").asText())) {
                    object.with("spec").put("replicas", entry.path("count").asInt());
                }
            }
        }
    }

    static void setImages(List<ObjectNode> objects, JsonNode imageEntries) {
        for (JsonNode entry : imageEntries) {
            forEachContainer(objects, container -> {
                String image = container.path("image").asText();
                int tagStart = image.lastIndexOf(':') > image.lastIndexOf('/') ? image.lastIndexOf(':') : image.length();
                String name = image.substring(0, tagStart);
                if (name.equals(entry.path("name").asText())) {
                    String newName = entry.path("newName").asText(name);
                    String tag = entry.has("newTag") ? ":" + entry.path("newTag").asText() : image.substring(tagStart);
                    container.put("image", newName + tag);
                }
            });
        }
    }

    static void renameConfigMapReferences(List<ObjectNode> objects, Map<String, String> generatedNames) {
        if (generatedNames.isEmpty()) {
            return;
        }
        for (ObjectNode object : objects) {
            JsonNode podSpec = object.path("spec").path("template").path("spec");
            for (JsonNode volume : podSpec.path("volumes")) {
                rename(volume.path("configMap"), generatedNames);
                for (JsonNode source : volume.path("projected").path("sources")) {
                    rename(source.path("configMap"), generatedNames);
                }
            }
        }
        forEachContainer(objects, container -> {
            for (JsonNode source : container.path("envFrom")) {
                rename(source.path("configMapRef"), generatedNames);
            }
            for (JsonNode variable : container.path("env")) {
                rename(variable.path("valueFrom").path("configMapKeyRef"), generatedNames);
            }
        });
    }

    private static void rename(JsonNode reference, Map<String, String> generatedNames) {
        if (reference instanceof ObjectNode object && generatedNames.containsKey(object.path("name").asText())) {
            object.put("name", generatedNames.get(object.path("name").asText()));
        }
    }

    static void forEachContainer(List<ObjectNode> objects, Consumer<ObjectNode> action) {
        for (ObjectNode object : objects) {
            JsonNode podSpec = object.path("spec").path("template").path("spec");
            for (String field : List.of("initContainers", "containers")) {
                for (JsonNode container : podSpec.path(field)) {
                    action.accept((ObjectNode) container);
                }
            }
        }
    }

    private static ObjectNode metadata(ObjectNode object) {
        return object.with("metadata");
    }
}

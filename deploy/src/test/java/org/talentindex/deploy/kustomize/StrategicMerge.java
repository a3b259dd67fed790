package org.talentindex.deploy.kustomize;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Strategic merge patch as kustomize applies it: maps merge, a null deletes; lists of the built-in
 * Kubernetes kinds with a merge key (containers, env, volumes, …) merge item by item; every other list
 * (and every list of a custom resource, which has no schema to name a merge key) is replaced.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "ports", "containerPort");

    private static final Set<String> BUILT_IN_GROUPS = Set.of("v1", "apps/v1", "batch/v1", "policy/v1",
            "autoscaling/v2", "networking.k8s.io/v1");

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        boolean builtIn = BUILT_IN_GROUPS.contains(target.path("apiVersion").asText());
        ObjectNode body = patch.deepCopy();
        body.remove("apiVersion");
        body.remove("kind");
        if (body.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("name");
            metadata.remove("namespace");
        }
        mergeObjects(target, body, builtIn);
    }

    private static void mergeObjects(ObjectNode target, ObjectNode patch, boolean builtIn) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode patchValue = field.getValue();
            JsonNode current = target.get(name);
            if (patchValue.isNull()) {
                target.remove(name);
            } else if (current instanceof ObjectNode currentObject && patchValue instanceof ObjectNode patchObject) {
                mergeObjects(currentObject, patchObject, builtIn);
            } else if (builtIn && MERGE_KEYS.containsKey(name) && current instanceof ArrayNode currentList
                    && patchValue instanceof ArrayNode patchList) {
                mergeLists(currentList, patchList, MERGE_KEYS.get(name));
            } else {
                target.set(name, patchValue.deepCopy());
            }
        }
    }

    private static void mergeLists(ArrayNode current, ArrayNode patch, String mergeKey) {
        for (JsonNode patchItem : patch) {
            ObjectNode match = null;
            for (JsonNode currentItem : current) {
                if (currentItem.path(mergeKey).equals(patchItem.path(mergeKey))) {
                    match = (ObjectNode) currentItem;
                }
            }
            if (match != null) {
                mergeObjects(match, (ObjectNode) patchItem, true);
            } else {
                current.add(patchItem.deepCopy());
            }
        }
    }
}

package org.talentindex.deploy.kustomize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does with its default load rules, for the features
 * this repository uses: resources (files and directories), namespace, labels, configMapGenerator (files, with the
 * content-hash name suffix), patches (strategic merge by name or by target kind, and inline JSON 6902 patches by
 * target), replicas and images. Like kustomize, it refuses a file outside the directory of the kustomization that
 * names it (other kustomization directories may lie anywhere). Anything else in a kustomization fails the
 * rendering, so a manifest never silently relies on a feature that is not rendered here; where kubectl is
 * installed, a test compares both renderings.
 */
public final class KustomizeRenderer {

    private static final List<String> SUPPORTED_FIELDS = List.of("apiVersion", "kind", "namespace", "labels",
            "resources", "configMapGenerator", "patches", "replicas", "images");

    public List<ObjectNode> render(Path kustomizationDirectory) {
        Path directory = kustomizationDirectory.toAbsolutePath().normalize();
        ObjectNode kustomization = Yaml.readSingle(directory.resolve("kustomization.yaml"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(directory + ": kustomization field '" + field + "' is not rendered");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : Yaml.readDocuments(withinRoot(directory, path)));
        }
        Map<String, String> generatedNames = new LinkedHashMap<>();
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            objects.add(generateConfigMap(directory, generator, generatedNames));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, patch, objects);
        }
        ObjectTransformers.setNamespace(objects, kustomization.path("namespace").asText(null));
        ObjectTransformers.addLabels(objects, kustomization.path("labels"));
        ObjectTransformers.setReplicas(objects, kustomization.path("replicas"));
        ObjectTransformers.setImages(objects, kustomization.path("images"));
        ObjectTransformers.renameConfigMapReferences(objects, generatedNames);
        return objects;
    }

    private ObjectNode generateConfigMap(Path directory, JsonNode generator, Map<String, String> generatedNames) {
        String name = generator.path("name").asText();
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode file : generator.path("files")) {
            Path path = directory.resolve(file.asText()).normalize();
            try {
                data.put(path.getFileName().toString(), Files.readString(withinRoot(directory, path)));
            } catch (IOException e) {
                throw new UncheckedIOException("configMapGenerator " + name + ": cannot read " + path, e);
            }
        }
        String hashedName = name + "-" + ConfigMapHash.suffix(data);
        generatedNames.put(name, hashedName);
        ObjectNode configMap = Yaml.MAPPER.createObjectNode();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", hashedName);
        ObjectNode dataNode = configMap.putObject("data");
        data.forEach(dataNode::put);
        return configMap;
    }

    /** The file, if it lies under the kustomization root (symbolic links resolved), as kustomize's default load rules demand. */
    static Path withinRoot(Path root, Path file) {
        try {
            Path realRoot = root.toRealPath();
            Path realFile = file.toRealPath();
            if (!realFile.startsWith(realRoot)) {
                throw new IllegalArgumentException(file + " is outside the kustomization root " + root
                        + ": kustomize refuses it under its default load rules");
            }
            return realFile;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private void applyPatch(Path directory, JsonNode patchEntry, List<ObjectNode> objects) {
        if (!patchEntry.has("path") && JsonPatch.isJsonPatch(patchEntry.path("patch").asText())) {
            applyJsonPatch(directory, patchEntry, objects);
            return;
        }
        List<ObjectNode> patches = patchEntry.has("path")
                ? Yaml.readDocuments(withinRoot(directory, directory.resolve(patchEntry.path("path").asText()).normalize()))
                : Yaml.readDocuments(patchEntry.path("patch").asText());
        JsonNode target = patchEntry.path("target");
        for (ObjectNode patch : patches) {
            String kind = target.isMissingNode() ? patch.path("kind").asText() : target.path("kind").asText();
            String name = target.isMissingNode() ? patch.path("metadata").path("name").asText()
                    : target.path("name").asText(null);
            int matched = 0;
            for (ObjectNode object : objects) {
                if (object.path("kind").asText().equals(kind)
                        && (name == null || object.path("metadata").path("name").asText().equals(name))) {
                    StrategicMerge.apply(object, patch);
                    matched++;
                }
            }
            if (matched == 0) {
                throw new IllegalArgumentException(directory + ": patch for " + kind + " " + name + " matches nothing");
            }
        }
    }

    private void applyJsonPatch(Path directory, JsonNode patchEntry, List<ObjectNode> objects) {
        String kind = patchEntry.path("target").path("kind").asText(null);
        String name = patchEntry.path("target").path("name").asText(null);
        if (kind == null) {
            throw new IllegalArgumentException(directory + ": a JSON 6902 patch needs a target kind");
        }
        int matched = 0;
        for (ObjectNode object : objects) {
            if (object.path("kind").asText().equals(kind)
                    && (name == null || object.path("metadata").path("name").asText().equals(name))) {
                JsonPatch.apply(object, patchEntry.path("patch").asText());
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(directory + ": JSON 6902 patch for " + kind + " " + name + " matches nothing");
        }
    }
}

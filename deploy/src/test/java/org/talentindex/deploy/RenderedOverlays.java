package org.talentindex.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.talentindex.deploy.kustomize.KustomizeRenderer;
import org.talentindex.deploy.validation.AsyncApiTopics;
import org.talentindex.deploy.validation.ManifestValidator;
import org.talentindex.deploy.validation.ServiceConfiguration;

/** Renders each overlay once per test run, and the validator configured from the repository. */
final class RenderedOverlays {

    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private RenderedOverlays() {
    }

    /** A fresh copy of the overlay's objects, safe to change. */
    static List<ObjectNode> render(Path overlay) {
        return RENDERED.computeIfAbsent(overlay, new KustomizeRenderer()::render).stream()
                .map(ObjectNode::deepCopy).toList();
    }

    static Path overlay(String name) {
        return RepositoryLayout.overlaysDirectory().resolve(name);
    }

    static ManifestValidator validator() {
        List<ServiceConfiguration> configurations = ManifestValidator.SERVICES.stream()
                .map(service -> ServiceConfiguration.read(service, RepositoryLayout.applicationProperties(service)))
                .toList();
        return new ManifestValidator(AsyncApiTopics.read(RepositoryLayout.asyncApiDocument()), configurations);
    }
}

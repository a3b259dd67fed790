package org.talentindex.scoring.framework;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkCatalogue;
import org.talentindex.framework.FrameworkDirectory;

/**
 * The index frameworks this service scores, from {@code talentindex.frameworks.dir}, read again when a definition
 * there changes; the frameworks whose definition changed are announced as {@link FrameworksChanged}.
 */
@ApplicationScoped
public class FrameworkRegistry {

    /** The ids of the frameworks added, changed or removed by a reload. */
    public record FrameworksChanged(Set<String> frameworkIds) {
    }

    @ConfigProperty(name = "talentindex.frameworks.dir")
    Path directory;

    @Inject
    Event<FrameworksChanged> changes;

    private volatile Map<String, Framework> frameworks = Map.of();
    private FrameworkDirectory watched;

    @PostConstruct
    void watch() {
        watched = FrameworkDirectory.watch(directory, this::use);
    }

    @PreDestroy
    void stopWatching() {
        watched.close();
    }

    private void use(FrameworkCatalogue catalogue) {
        Map<String, Framework> loaded = new LinkedHashMap<>();
        catalogue.frameworks().forEach(framework -> loaded.put(framework.id(), framework));
        Set<String> changed = new TreeSet<>(loaded.keySet());
        changed.addAll(frameworks.keySet());
        changed.removeIf(id -> java.util.Objects.equals(frameworks.get(id), loaded.get(id)));
        boolean first = frameworks.isEmpty();
        frameworks = Map.copyOf(loaded);
        Log.infof("Frameworks from %s: %s", directory.toAbsolutePath(), loaded.keySet());
        if (!first && !changed.isEmpty()) {
            changes.fire(new FrameworksChanged(changed));
        }
    }

    public Optional<Framework> find(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    public Collection<Framework> all() {
        return frameworks.values();
    }
}

package org.talentindex.scoring.framework;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkCatalogue;

/** The index frameworks this service scores, loaded from {@code talentindex.frameworks.dir} at start-up. */
@ApplicationScoped
public class FrameworkRegistry {

    @ConfigProperty(name = "talentindex.frameworks.dir")
    Path directory;

    private volatile Map<String, Framework> frameworks = Map.of();

    @PostConstruct
    void load() {
        Map<String, Framework> loaded = new LinkedHashMap<>();
        for (Framework framework : FrameworkCatalogue.load(directory).frameworks()) {
            loaded.put(framework.id(), framework);
        }
        frameworks = loaded;
        Log.infof("Loaded %d frameworks from %s: %s", loaded.size(), directory.toAbsolutePath(), loaded.keySet());
    }

    public Optional<Framework> find(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    public Collection<Framework> all() {
        return frameworks.values();
    }
}

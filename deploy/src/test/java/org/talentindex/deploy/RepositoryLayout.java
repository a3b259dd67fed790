package org.talentindex.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the manifests, the framework definitions, the AsyncAPI document and the services' configuration live. */
public final class RepositoryLayout {

    private RepositoryLayout() {
    }

    public static Path root() {
        String configured = System.getProperty("talentindex.repository.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path candidate = start.toAbsolutePath().normalize(); candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("deploy/overlays")) && Files.isDirectory(candidate.resolve("frameworks"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No repository root (with deploy/overlays and frameworks/) above " + start);
    }

    public static Path overlaysDirectory() {
        return root().resolve("deploy/overlays");
    }

    public static List<Path> overlays() {
        try (Stream<Path> entries = Files.list(overlaysDirectory())) {
            return entries.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path frameworksDirectory() {
        return root().resolve("frameworks");
    }

    public static Path asyncApiDocument() {
        return root().resolve("contracts/asyncapi.yaml");
    }

    public static Path applicationProperties(String service) {
        return root().resolve(service).resolve("src/main/resources/application.properties");
    }
}

package org.talentindex.ingestion.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API clients, from {@code talentindex.ingestion.api-keys} (a secret: environment variable
 * {@code TALENTINDEX_INGESTION_API_KEYS}): comma-separated {@code client:key} or {@code client:key:role+role} entries.
 * Without roles a client is both uploader and auditor. Only digests of the keys are kept.
 */
@ApplicationScoped
public class ApiKeys {

    public record Client(String name, Set<String> roles) {
    }

    private static final Set<String> ALL_ROLES = Set.of(Roles.UPLOADER, Roles.AUDITOR);

    @ConfigProperty(name = "talentindex.ingestion.api-keys")
    Optional<List<String>> entries;

    private Map<String, Client> clientsByDigest = Map.of();

    @PostConstruct
    void load() {
        Map<String, Client> clients = new HashMap<>();
        for (String entry : entries.orElse(List.of())) {
            String[] parts = entry.strip().split(":", 3);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalStateException("talentindex.ingestion.api-keys: an entry is not client:key[:role+role]");
            }
            Set<String> roles = parts.length == 3 ? Set.of(parts[2].split("\\+")) : ALL_ROLES;
            clients.put(digest(parts[1]), new Client(parts[0], roles));
        }
        clientsByDigest = Map.copyOf(clients);
    }

    public Optional<Client> client(String key) {
        return Optional.ofNullable(clientsByDigest.get(digest(key)));
    }

    private static String digest(String key) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

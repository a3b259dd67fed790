package org.talentindex.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The API clients, from {@code talentindex.security.api-keys}: comma-separated {@code client:key} or
 * {@code client:key:role+role} entries (roles in {@link Roles}). An entry without roles has every role, which suits a
 * single operator (the demo, a workstation); a deployment with several clients names the roles of each. Only digests
 * of the keys are kept.
 */
@Singleton
public class ApiKeys {

    public record Client(String name, Set<String> roles) {
    }

    private final Map<String, Client> clientsByDigest;

    @Inject
    ApiKeys(SecuritySettings settings) {
        this(settings.apiKeys().orElse(List.of()));
    }

    ApiKeys(List<String> entries) {
        Map<String, Client> clients = new HashMap<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split(":", 3);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("talentindex.security.api-keys: an entry is not client:key[:role+role]");
            }
            Set<String> roles = parts.length == 3 ? roles(parts[2]) : Roles.ALL;
            if (clients.put(digest(parts[1]), new Client(parts[0], roles)) != null) {
                throw new IllegalArgumentException("talentindex.security.api-keys: two clients have the same key");
            }
        }
        clientsByDigest = Map.copyOf(clients);
    }

    public Optional<Client> client(String key) {
        return Optional.ofNullable(clientsByDigest.get(digest(key)));
    }

    private static Set<String> roles(String listed) {
        Set<String> roles = Set.of(listed.split("\\+"));
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("talentindex.security.api-keys: unknown role " + role + ", known: " + Roles.ALL);
            }
        }
        return roles;
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.talentindex.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Per-client request budget on the API (token buckets): a client over its budget gets 429 with Retry-After. */
@ApplicationScoped
public class ClientRateLimit {

    @Inject
    SecuritySettings settings;

    @Inject
    SecurityIdentity identity;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private long requestsPerMinute;
    private Map<String, Long> budgets = Map.of();

    @PostConstruct
    void load() {
        requestsPerMinute = settings.rateLimit().requestsPerMinute();
        Map<String, Long> parsed = new HashMap<>();
        for (String entry : settings.rateLimit().overrides().orElse(List.of())) {
            String[] parts = entry.strip().split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("talentindex.security.rate-limit.overrides: an entry is not client=requestsPerMinute");
            }
            parsed.put(parts[0].strip(), Long.parseLong(parts[1].strip()));
        }
        budgets = Map.copyOf(parsed);
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        String client = identity.getPrincipal().getName();
        ConsumptionProbe probe = buckets.computeIfAbsent(client, this::bucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()));
        return Optional.of(Response.status(Response.Status.TOO_MANY_REQUESTS)
                .header("Retry-After", retryAfterSeconds)
                .entity(Map.of("reason", "RATE_LIMITED", "message", "More than " + budget(client) + " requests a minute from " + client))
                .build());
    }

    private long budget(String client) {
        return budgets.getOrDefault(client, requestsPerMinute);
    }

    private Bucket bucket(String client) {
        long perMinute = budget(client);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}

package org.talentindex.security;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Authenticates a request by its {@code X-API-Key} header; a request without one stays anonymous. A remote address
 * that sent too many wrong keys is refused (429 with Retry-After) whatever key it sends, until it may try again.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";
    /** The name of the API-key security scheme in the services' OpenAPI documents. */
    public static final String OPENAPI_SCHEME = "api-key";

    private static final String WAIT_BEFORE_NEXT_ATTEMPT = ApiKeyAuthenticationMechanism.class.getName() + ".wait";

    @Inject
    FailedAuthenticationThrottle throttle;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key = context.request().getHeader(HEADER);
        if (key == null || key.isBlank()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        String address = remoteAddress(context);
        Optional<Duration> wait = throttle.waitBeforeNextAttempt(address);
        if (wait.isPresent()) {
            context.put(WAIT_BEFORE_NEXT_ATTEMPT, wait.get());
            return Uni.createFrom().failure(new AuthenticationFailedException("Too many failed attempts from " + address));
        }
        return identityProviderManager.authenticate(new ApiKeyAuthenticationRequest(key.strip()))
                .onFailure(AuthenticationFailedException.class).invoke(() -> throttle.recordFailure(address));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        Duration wait = context.get(WAIT_BEFORE_NEXT_ATTEMPT);
        if (wait != null) {
            long retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return Uni.createFrom().item(new ChallengeData(429, "Retry-After", Long.toString(retryAfterSeconds)));
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "ApiKey header=\"" + HEADER + "\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    private static String remoteAddress(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
    }
}

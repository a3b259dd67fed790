package org.talentindex.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) before any work unless it carries an
 * {@code X-API-Key} header and comes from no other site. A page on another site can send a form but cannot set that
 * header without a CORS preflight, which fails as the services allow no cross-origin requests; a browser that says
 * where the request comes from ({@code Origin}, {@code Sec-Fetch-Site}) is refused when that is another site, unless
 * the CORS settings allow its origin by name ({@code quarkus.http.cors.origins}; the demo names its Swagger UI's).
 */
@ApplicationScoped
public class CrossSiteRequestGuard {

    /** Before authentication and every other route. */
    static final int ORDER = -10_000;

    private static final Set<String> STATE_CHANGING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SAME_ORIGIN_FETCH_SITES = Set.of("same-origin", "none");

    record Refusal(int status, String reason, String message) {
    }

    /** Origins allowed cross-origin requests, the same list the CORS filter answers preflights for. */
    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> corsOrigins;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        Optional<Refusal> refusal = refusal(request.method().name(), request.getHeader(ApiKeyAuthenticationMechanism.HEADER),
                request.getHeader(HttpHeaders.ORIGIN), request.getHeader("Sec-Fetch-Site"), request.getHeader(HttpHeaders.HOST),
                Set.copyOf(corsOrigins.orElse(List.of())));
        if (refusal.isEmpty()) {
            context.next();
            return;
        }
        if (refusal.get().status() == 401) {
            context.response().putHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeyAuthenticationMechanism.HEADER + "\"");
        }
        context.response().setStatusCode(refusal.get().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject(Map.of("reason", refusal.get().reason(), "message", refusal.get().message())).encode());
    }

    static Optional<Refusal> refusal(String method, String apiKey, String origin, String fetchSite, String host) {
        return refusal(method, apiKey, origin, fetchSite, host, Set.of());
    }

    static Optional<Refusal> refusal(String method, String apiKey, String origin, String fetchSite, String host,
                                     Set<String> allowedOrigins) {
        if (!STATE_CHANGING_METHODS.contains(method)) {
            return Optional.empty();
        }
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.of(new Refusal(401, "UNAUTHENTICATED", method + " needs an " + ApiKeyAuthenticationMechanism.HEADER + " header"));
        }
        if (origin != null && allowedOrigins.contains(origin)) {
            return Optional.empty();
        }
        if (fetchSite != null && !SAME_ORIGIN_FETCH_SITES.contains(fetchSite)) {
            return Optional.of(new Refusal(403, "CROSS_SITE_REQUEST", "Requests from other sites are refused"));
        }
        if (origin != null && !sameAuthority(origin, host)) {
            return Optional.of(new Refusal(403, "CROSS_SITE_REQUEST", "Requests from " + origin + " are refused"));
        }
        return Optional.empty();
    }

    private static boolean sameAuthority(String origin, String host) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }
}

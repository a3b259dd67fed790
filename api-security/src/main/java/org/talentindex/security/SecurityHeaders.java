package org.talentindex.security;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers that keep browsers from misusing any response of the services (pages, static files, JSON, CSV, errors):
 * no content sniffing, no framing, no referrer, scripts and connections to the service itself only. API answers are
 * not stored by caches; one with an ETag may be kept but is revalidated each time.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * The pages load their scripts, styles and chart library from the service; the chart library writes style
     * attributes into its tooltips.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI starts itself with an inline script (dev, test and demo only: production serves it on the management port). */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

    private static final String SWAGGER_UI_PATH = "/q/swagger-ui";
    private static final String API_PATH = "/api/";

    void register(@Observes Router router) {
        router.route().order(CrossSiteRequestGuard.ORDER - 1).handler(this::addOnResponse);
    }

    private void addOnResponse(RoutingContext context) {
        String path = context.normalizedPath();
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headersFor(path, headers.contains(HttpHeaders.ETAG)).forEach((name, value) -> {
                if (!headers.contains(name)) {
                    headers.set(name, value);
                }
            });
        });
        context.next();
    }

    static Map<String, String> headersFor(String path, boolean hasEntityTag) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", path.startsWith(SWAGGER_UI_PATH) ? SWAGGER_UI_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        if (path.startsWith(API_PATH)) {
            headers.put("Cache-Control", hasEntityTag ? "no-cache" : "no-store");
        }
        return headers;
    }
}

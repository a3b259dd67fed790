package org.talentindex.scoring.whatif;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Refuses a what-if request whose declared length exceeds the limit before any of its body is read; a body without a
 * declared length is limited while it is read ({@link SizeLimitedInputStream}). Application-scoped (a client proxy) so
 * that its configuration is injected at run time, not while the REST deployment is set up during static initialisation.
 */
@ApplicationScoped
public class WhatIfBodySizeFilter {

    @Inject
    WhatIfConfig config;

    @ServerRequestFilter
    public Optional<Response> refuseDeclaredOversizeBody(SimpleResourceInfo resource, HttpHeaders headers) {
        if (resource.getResourceClass() != WhatIfResource.class) {
            return Optional.empty();
        }
        long limit = config.maxBodySize().asLongValue();
        return declaredLength(headers).filter(length -> length > limit).map(length -> WhatIfProblem.bodyTooLarge(limit));
    }

    private static Optional<Long> declaredLength(HttpHeaders headers) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? Optional.empty() : Optional.of(Long.parseLong(length.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

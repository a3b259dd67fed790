package org.talentindex.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key a request presented in its {@code X-API-Key} header. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}

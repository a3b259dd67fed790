package org.talentindex.security;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the API security shared by the services. */
@ConfigMapping(prefix = "talentindex.security")
public interface SecuritySettings {

    /**
     * The API clients, comma-separated {@code client:key} or {@code client:key:role+role} entries. A secret: set
     * {@code TALENTINDEX_SECURITY_API_KEYS}. See {@link ApiKeys}.
     */
    Optional<List<String>> apiKeys();

    RateLimit rateLimit();

    FailedAuthentication failedAuthentication();

    /** Requests a client may make, per minute. */
    interface RateLimit {

        @WithDefault("120")
        long requestsPerMinute();

        /** {@code client=requestsPerMinute} entries for clients with a budget of their own. */
        Optional<List<String>> overrides();
    }

    /** Attempts with a wrong API key one remote address may make before it is told to wait (429), even with a right key. */
    interface FailedAuthentication {

        @WithDefault("10")
        long attemptsPerMinute();
    }
}

package org.talentindex.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.talentindex.security.CrossSiteRequestGuard.Refusal;

class CrossSiteRequestGuardTest {

    private static final String HOST = "ingestion.example:8080";

    @Test
    void readsNeedNothing() {
        assertTrue(CrossSiteRequestGuard.refusal("GET", null, "https://evil.example", "cross-site", HOST).isEmpty());
        assertTrue(CrossSiteRequestGuard.refusal("HEAD", null, null, null, HOST).isEmpty());
    }

    @Test
    void aStateChangingRequestWithoutAKeyIsUnauthenticated() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(401, status(CrossSiteRequestGuard.refusal(method, null, null, null, HOST)), method);
            assertEquals(401, status(CrossSiteRequestGuard.refusal(method, " ", null, null, HOST)), method);
        }
    }

    @Test
    void aStateChangingRequestFromAnotherSiteIsRefusedEvenWithAKey() {
        assertEquals(403, status(CrossSiteRequestGuard.refusal("POST", "k", "https://evil.example", null, HOST)));
        assertEquals(403, status(CrossSiteRequestGuard.refusal("POST", "k", "null", null, HOST)));
        assertEquals(403, status(CrossSiteRequestGuard.refusal("POST", "k", null, "cross-site", HOST)));
        assertEquals(403, status(CrossSiteRequestGuard.refusal("POST", "k", null, "same-site", HOST)));
    }

    @Test
    void aStateChangingRequestWithAKeyFromTheServiceItselfOrNoBrowserPasses() {
        assertTrue(CrossSiteRequestGuard.refusal("POST", "k", null, null, HOST).isEmpty());
        assertTrue(CrossSiteRequestGuard.refusal("POST", "k", "http://" + HOST, "same-origin", HOST).isEmpty());
        assertTrue(CrossSiteRequestGuard.refusal("DELETE", "k", null, "none", HOST).isEmpty());
    }

    @Test
    void anOriginTheCorsSettingsAllowPassesWithAKeyOnly() {
        Set<String> swaggerUi = Set.of("http://127.0.0.1:9000");
        assertTrue(CrossSiteRequestGuard.refusal("POST", "k", "http://127.0.0.1:9000", "same-site", HOST, swaggerUi).isEmpty());
        assertEquals(401, status(CrossSiteRequestGuard.refusal("POST", null, "http://127.0.0.1:9000", "same-site", HOST, swaggerUi)));
        assertEquals(403, status(CrossSiteRequestGuard.refusal("POST", "k", "http://127.0.0.1:9001", "same-site", HOST, swaggerUi)));
    }

    private static int status(Optional<Refusal> refusal) {
        return refusal.orElseThrow().status();
    }
}

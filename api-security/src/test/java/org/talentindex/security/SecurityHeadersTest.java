package org.talentindex.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void everyResponseForbidsSniffingFramingReferrersAndForeignScripts() {
        Map<String, String> headers = SecurityHeaders.headersFor("/ranking.html", false);

        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
        assertTrue(headers.get("Content-Security-Policy").contains("script-src 'self';"));
        assertTrue(headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertFalse(headers.containsKey("Cache-Control"));
    }

    @Test
    void apiAnswersAreNotStoredUnlessTheyCanBeRevalidated() {
        assertEquals("no-store", SecurityHeaders.headersFor("/api/observations", false).get("Cache-Control"));
        assertEquals("no-cache", SecurityHeaders.headersFor("/api/reports/x/2020", true).get("Cache-Control"));
    }

    @Test
    void onlySwaggerUiMayRunItsInlineScript() {
        assertTrue(SecurityHeaders.headersFor("/q/swagger-ui/index.html", false).get("Content-Security-Policy")
                .contains("script-src 'self' 'unsafe-inline'"));
    }
}

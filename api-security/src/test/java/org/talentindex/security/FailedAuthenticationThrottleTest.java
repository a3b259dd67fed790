package org.talentindex.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FailedAuthenticationThrottleTest {

    @Test
    void anAddressMayFailAsOftenAsAllowedThenWaitsForTheNextAttempt() {
        FailedAuthenticationThrottle throttle = new FailedAuthenticationThrottle(10);
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.waitBeforeNextAttempt("203.0.113.7").isEmpty(), "attempt " + (i + 1));
            throttle.recordFailure("203.0.113.7");
        }

        Duration wait = throttle.waitBeforeNextAttempt("203.0.113.7").orElseThrow();
        assertTrue(wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(Duration.ofSeconds(6)) <= 0, wait.toString());
        assertTrue(throttle.waitBeforeNextAttempt("203.0.113.8").isEmpty());
    }
}

package org.talentindex.scoring.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class LoopHeartbeatTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void healthyOnlyWhileRunningAndCompletingRounds() {
        LoopHeartbeat heartbeat = new LoopHeartbeat("loop");
        assertFalse(heartbeat.healthy(MINUTE), "not started");
        heartbeat.started();
        assertTrue(heartbeat.healthy(MINUTE));
        await().atMost(Duration.ofSeconds(60)).until(() -> !heartbeat.healthy(Duration.ofMillis(5)));
        heartbeat.roundCompleted();
        assertTrue(heartbeat.healthy(MINUTE));
        heartbeat.stopped();
        assertFalse(heartbeat.healthy(MINUTE), "stopped");
        assertEquals("stopped", describe(heartbeat));
    }

    @Test
    void aDeadLoopSaysWhatKilledIt() {
        LoopHeartbeat heartbeat = new LoopHeartbeat("loop");
        heartbeat.started();
        heartbeat.died(new OutOfMemoryError("Java heap space"));
        assertFalse(heartbeat.healthy(MINUTE));
        assertEquals("died: java.lang.OutOfMemoryError: Java heap space", describe(heartbeat));
    }

    private static String describe(LoopHeartbeat heartbeat) {
        var response = HealthCheckResponse.named("check").up();
        heartbeat.describe(response);
        return response.build().getData().orElseThrow().get("loop").toString();
    }
}

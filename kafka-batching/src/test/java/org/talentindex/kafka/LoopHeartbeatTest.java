package org.talentindex.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoopHeartbeatTest {

    private final LoopHeartbeat heartbeat = new LoopHeartbeat("test loop");

    @Test
    void aRunningLoopThatCompletesRoundsIsHealthy() {
        heartbeat.started();
        heartbeat.roundCompleted();
        assertEquals(Optional.empty(), heartbeat.problem(Duration.ofMinutes(1)));
    }

    @Test
    void aLoopNotStartedStoppedOrDeadIsNot() {
        assertEquals(Optional.of("stopped"), heartbeat.problem(Duration.ofMinutes(1)));
        heartbeat.started();
        heartbeat.died(new OutOfMemoryError("Java heap space"));
        assertEquals(Optional.of("died: java.lang.OutOfMemoryError: Java heap space"), heartbeat.problem(Duration.ofMinutes(1)));
    }

    @Test
    void aLoopWithoutARoundForLongerThanAllowedHasStalled() {
        heartbeat.started();
        assertTrue(heartbeat.problem(Duration.ZERO.minusNanos(1)).orElseThrow().startsWith("stalled"));
    }
}

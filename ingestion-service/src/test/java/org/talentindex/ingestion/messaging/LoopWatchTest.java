package org.talentindex.ingestion.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoopWatchTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void aLoopThatTurnsIsAliveOneThatStopsTurningIsStuck() {
        LoopWatch watch = new LoopWatch(Duration.ofSeconds(60), 0);
        assertEquals(Optional.empty(), watch.problem(59 * SECOND));
        watch.turn(59 * SECOND);
        assertEquals(Optional.empty(), watch.problem(100 * SECOND));
        assertTrue(watch.problem(120 * SECOND).orElseThrow().startsWith("stuck"));
    }

    @Test
    void aLoopThatDiedIsReportedWithItsCause() {
        LoopWatch watch = new LoopWatch(Duration.ofSeconds(60), 0);
        watch.died(new OutOfMemoryError("Java heap space"));
        assertTrue(watch.problem(SECOND).orElseThrow().contains("OutOfMemoryError"));
    }
}

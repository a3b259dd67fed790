package org.talentindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesFollowTheNearestRank() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long value = 100; value >= 1; value--) {
            recorder.record(value);
        }
        assertEquals(50, recorder.percentile(50));
        assertEquals(99, recorder.percentile(99));
        assertEquals(100, recorder.max());
        assertEquals(100, recorder.count());
    }

    @Test
    void emptyRecorderReportsZero() {
        assertEquals(0, new LatencyRecorder().percentile(99));
    }

    @Test
    void anObservationIsAttributedOnceToItsScenario() {
        ProduceLog log = new ProduceLog("run", 10);
        Measurement first = log.begin("first", true);
        long sequence = log.nextSequence();
        log.producing(sequence);
        log.end();
        log.reflected(log.id(sequence) + ":framework", System.nanoTime());
        log.reflected(log.id(sequence), System.nanoTime());
        log.reflected("other-run-" + sequence, System.nanoTime());
        assertEquals(1, first.reflectedCount());
        assertEquals(1, first.producedCount());
    }
}

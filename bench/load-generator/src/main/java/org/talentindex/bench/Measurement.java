package org.talentindex.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bookkeeping of one scenario: which observation sequence numbers it produced, when the first was produced, how many
 * have been seen reflected downstream, with their latencies, and when the last one was.
 */
final class Measurement {

    final String name;
    final long firstSequence;
    final LatencyRecorder latencies = new LatencyRecorder();
    /** Produce → the indicator update ingestion forwarded (end to end only). */
    final LatencyRecorder forwarded = new LatencyRecorder();
    /** Produce → the score update that includes it. */
    final LatencyRecorder scored = new LatencyRecorder();
    /** Every observation over time, for a paced scenario; null for one as fast as possible. */
    final Timeline timeline;
    private volatile long endSequence = Long.MAX_VALUE;
    private final AtomicLong reflected = new AtomicLong();
    private volatile long firstProducedNanos;
    private volatile long lastProducedNanos;
    private volatile long lastReflectedNanos;

    Measurement(String name, long firstSequence, boolean paced) {
        this.name = name;
        this.firstSequence = firstSequence;
        this.timeline = paced ? new Timeline() : null;
    }

    boolean owns(long sequence) {
        return sequence >= firstSequence && sequence < endSequence;
    }

    void produced(long sequence, long nanos) {
        if (sequence == firstSequence) {
            firstProducedNanos = nanos;
        }
        lastProducedNanos = nanos;
    }

    void endProducing(long nextSequence) {
        endSequence = nextSequence;
    }

    /** An observation reached an intermediate topic: forwarded (indicator-updates) or scored (score-updates). */
    void reachedStage(boolean scored, long producedNanos, long reachedNanos) {
        (scored ? this.scored : forwarded).record(reachedNanos - producedNanos);
        if (timeline != null) {
            timeline.record(scored ? Timeline.Stage.SCORED : Timeline.Stage.FORWARDED, producedNanos, reachedNanos);
        }
    }

    void reflected(long producedNanos, long reflectedNanos) {
        latencies.record(reflectedNanos - producedNanos);
        if (timeline != null) {
            timeline.record(Timeline.Stage.REFLECTED, producedNanos, reflectedNanos);
        }
        reflected.incrementAndGet();
        lastReflectedNanos = Math.max(lastReflectedNanos, reflectedNanos);
    }

    long producedCount() {
        return (endSequence == Long.MAX_VALUE ? firstSequence : endSequence) - firstSequence;
    }

    long reflectedCount() {
        return reflected.get();
    }

    long firstProducedNanos() {
        return firstProducedNanos;
    }

    long lastProducedNanos() {
        return lastProducedNanos;
    }

    long lastReflectedNanos() {
        return lastReflectedNanos;
    }
}

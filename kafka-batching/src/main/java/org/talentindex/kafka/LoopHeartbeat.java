package org.talentindex.kafka;

import java.time.Duration;
import java.util.Optional;

/**
 * What the health checks know of a consumer or relay loop: whether it runs, when it last completed a round, why it
 * died. A loop that died, or completed no round for longer than it may take, consumes nothing more.
 */
public final class LoopHeartbeat {

    private final String name;
    private volatile long lastRound = System.nanoTime();
    private volatile boolean running;
    private volatile Throwable death;

    public LoopHeartbeat(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void started() {
        lastRound = System.nanoTime();
        running = true;
    }

    public void roundCompleted() {
        lastRound = System.nanoTime();
    }

    public void stopped() {
        running = false;
    }

    public void died(Throwable cause) {
        death = cause;
        running = false;
    }

    /** Empty while the loop runs and completed a round within {@code stallAfter}; otherwise what is wrong with it. */
    public Optional<String> problem(Duration stallAfter) {
        Throwable cause = death;
        if (cause != null) {
            return Optional.of("died: " + cause);
        }
        if (!running) {
            return Optional.of("stopped");
        }
        Duration sinceLastRound = sinceLastRound();
        return sinceLastRound.compareTo(stallAfter) > 0
                ? Optional.of("stalled: no round for " + sinceLastRound.toSeconds() + " s") : Optional.empty();
    }

    public Duration sinceLastRound() {
        return Duration.ofNanos(System.nanoTime() - lastRound);
    }
}

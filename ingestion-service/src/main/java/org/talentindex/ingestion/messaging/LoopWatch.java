package org.talentindex.ingestion.messaging;

import java.time.Duration;
import java.util.Optional;

/** Whether a polling loop is alive: it has not died, and its latest turn began within the allowed time. */
final class LoopWatch {

    private final Duration stuckAfter;
    private volatile long lastTurnNanos;
    private volatile Throwable death;

    LoopWatch(Duration stuckAfter, long nowNanos) {
        this.stuckAfter = stuckAfter;
        this.lastTurnNanos = nowNanos;
    }

    void turn(long nowNanos) {
        lastTurnNanos = nowNanos;
    }

    void died(Throwable cause) {
        death = cause;
    }

    /** Empty while the loop is alive, otherwise what is wrong with it. */
    Optional<String> problem(long nowNanos) {
        Throwable cause = death;
        if (cause != null) {
            return Optional.of("stopped by " + cause);
        }
        Duration sinceLastTurn = Duration.ofNanos(nowNanos - lastTurnNanos);
        if (sinceLastTurn.compareTo(stuckAfter) > 0) {
            return Optional.of("stuck: no turn for " + sinceLastTurn.toSeconds() + " s");
        }
        return Optional.empty();
    }
}

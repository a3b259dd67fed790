package org.talentindex.scoring.messaging;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** What the health checks know of a background loop: whether it runs, when it last completed a round, why it died. */
final class LoopHeartbeat {

    private final String name;
    private volatile long lastRound = System.nanoTime();
    private volatile boolean running;
    private volatile Throwable death;

    LoopHeartbeat(String name) {
        this.name = name;
    }

    void started() {
        lastRound = System.nanoTime();
        running = true;
    }

    void roundCompleted() {
        lastRound = System.nanoTime();
    }

    void stopped() {
        running = false;
    }

    void died(Throwable cause) {
        death = cause;
        running = false;
    }

    /** Whether the loop runs and completed a round within {@code stallAfter}. */
    boolean healthy(Duration stallAfter) {
        return running && sinceLastRound().compareTo(stallAfter) <= 0;
    }

    /** Adds this loop's state to a health check's answer. */
    void describe(HealthCheckResponseBuilder response) {
        Throwable cause = death;
        response.withData(name, cause != null ? "died: " + cause : running ? "running" : "stopped")
                .withData(name + " last round ms ago", sinceLastRound().toMillis());
    }

    private Duration sinceLastRound() {
        return Duration.ofNanos(System.nanoTime() - lastRound);
    }
}

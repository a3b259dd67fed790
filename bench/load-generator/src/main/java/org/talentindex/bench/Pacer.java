package org.talentindex.bench;

import java.util.concurrent.locks.LockSupport;

/** Spaces sends to a fixed rate per second, catching up after a stall; a rate of 0 or less never waits. */
final class Pacer {

    private final double nanosPerSend;
    private final long start = System.nanoTime();
    private long sent;

    Pacer(double perSecond) {
        this.nanosPerSend = perSecond <= 0 ? 0 : 1e9 / perSecond;
    }

    void awaitTurn() {
        if (nanosPerSend > 0) {
            long due = start + (long) (sent * nanosPerSend);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        sent++;
    }
}

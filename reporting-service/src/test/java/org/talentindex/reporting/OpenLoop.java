package org.talentindex.reporting;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Load at a fixed rate whatever the responses do: the i-th action starts at start + i/rate, and gets that scheduled time. */
final class OpenLoop {

    @FunctionalInterface
    interface Action {
        void run(int index, long scheduledNanos) throws Exception;
    }

    private OpenLoop() {
    }

    /** Runs {@code rate × duration} actions; returns how many. */
    static int run(int rate, Duration duration, Action action) throws Exception {
        long periodNanos = 1_000_000_000L / rate;
        int count = (int) (duration.toNanos() / periodNanos);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * periodNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            action.run(i, scheduled);
        }
        return count;
    }
}

package org.talentindex.bench;

import java.util.Arrays;

/** Latencies in nanoseconds; percentiles by the nearest-rank method on the sorted values. */
final class LatencyRecorder {

    private long[] latencies = new long[1024];
    private int count;

    synchronized void record(long nanos) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The smallest recorded value such that at least {@code percent}% of all values are not above it; 0 if none. */
    synchronized long percentile(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }

    synchronized long max() {
        return percentile(100);
    }
}

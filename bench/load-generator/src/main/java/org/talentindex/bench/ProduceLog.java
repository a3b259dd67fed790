package org.talentindex.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Produce times by sequence number, and which scenario each sequence belongs to. Ids sent downstream carry the sequence
 * ({@code <run>-<sequence>}, ingestion appends {@code :<frameworkId>}), so a cause seen on score-updates maps back to
 * the moment its observation was produced. Ingestion names the updates it forwards by its own row id, so for observations
 * the sequence is found from the cell and value the update carries ({@link #sequenceOfCellValue}); a cell may carry the
 * same value twice while both are in flight, and they are matched in the order sent. A sequence is attributed once: its
 * time is cleared when reflected.
 */
final class ProduceLog {

    private final String runId;
    private final long origin = System.nanoTime() - 1;
    /** {@code System.nanoTime() - origin} when produced, always positive; 0 = not produced or already reflected. */
    private final AtomicLongArray producedNanos;
    private final List<Measurement> measurements = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Long>> sequencesByCellValue = new ConcurrentHashMap<>();
    private long nextSequence;
    private Measurement current;

    ProduceLog(String runId, int capacity) {
        this.runId = runId;
        this.producedNanos = new AtomicLongArray(capacity);
    }

    Measurement begin(String scenario, boolean paced) {
        current = new Measurement(scenario, nextSequence, paced);
        measurements.add(current);
        return current;
    }

    Measurement end() {
        current.endProducing(nextSequence);
        return current;
    }

    /** The next id; call {@link #producing(long)} with its sequence right before handing it to the producer. */
    long nextSequence() {
        if (nextSequence >= producedNanos.length()) {
            throw new IllegalStateException("More than " + producedNanos.length() + " observations in one run");
        }
        return nextSequence++;
    }

    String id(long sequence) {
        return runId + "-" + sequence;
    }

    void producing(long sequence) {
        long now = System.nanoTime();
        producedNanos.set((int) sequence, now - origin);
        current.produced(sequence, now);
    }

    /** Remembers which observation carried this value for this cell, for {@link #sequenceOfCellValue}. */
    void sentCellValue(String cellValue, long sequence) {
        sequencesByCellValue.compute(cellValue, (key, sent) -> {
            Deque<Long> sequences = sent == null ? new ArrayDeque<>(1) : sent;
            sequences.addLast(sequence);
            return sequences;
        });
    }

    /** The earliest observation not yet found that carried a value, found once (then forgotten); -1 if unknown. */
    long sequenceOfCellValue(String cellValue) {
        long[] found = {-1};
        sequencesByCellValue.computeIfPresent(cellValue, (key, sequences) -> {
            found[0] = sequences.removeFirst();
            return sequences.isEmpty() ? null : sequences;
        });
        return found[0];
    }

    static String cellValue(String frameworkId, String period, String region, String indicator, double value) {
        return frameworkId + "/" + period + "/" + region + "/" + indicator + "=" + value;
    }

    /** Records how long an observation took to reach an intermediate topic, without marking it reflected. */
    void reachedStage(long sequence, long nanos, boolean scored) {
        if (sequence < 0 || sequence >= producedNanos.length()) {
            return;
        }
        long sinceOrigin = producedNanos.get((int) sequence);
        if (sinceOrigin == 0) {
            return;
        }
        for (Measurement measurement : measurements) {
            if (measurement.owns(sequence)) {
                measurement.reachedStage(scored, origin + sinceOrigin, nanos);
                return;
            }
        }
    }

    /** Records the latency of the observation behind {@code id} unless it was already reflected or is not ours. */
    void reflected(String id, long reflectedNanos) {
        reflected(sequenceOf(id), reflectedNanos);
    }

    void reflected(long sequence, long reflectedNanos) {
        if (sequence < 0 || sequence >= producedNanos.length()) {
            return;
        }
        long sinceOrigin = producedNanos.getAndSet((int) sequence, 0);
        if (sinceOrigin == 0) {
            return;
        }
        long produced = origin + sinceOrigin;
        for (Measurement measurement : measurements) {
            if (measurement.owns(sequence)) {
                measurement.reflected(produced, reflectedNanos);
                return;
            }
        }
    }

    long sequenceOf(String id) {
        int colon = id.indexOf(':');
        String plain = colon < 0 ? id : id.substring(0, colon);
        if (!plain.startsWith(runId + "-")) {
            return -1;
        }
        try {
            return Long.parseLong(plain.substring(runId.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

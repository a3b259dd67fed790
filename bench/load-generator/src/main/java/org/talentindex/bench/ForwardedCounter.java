package org.talentindex.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Counts the indicator updates ingestion forwards for one framework (their key is {@code frameworkId/period}), from the
 * end of indicator-updates at construction, and notes when the first and the last of them arrived.
 */
final class ForwardedCounter implements AutoCloseable {

    private final String frameworkId;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread worker;
    private final AtomicLong count = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile boolean running = true;

    ForwardedCounter(String bootstrapServers, String frameworkId) {
        this.frameworkId = frameworkId;
        consumer = TailConsumer.open(bootstrapServers, List.of(ResultWatcher.INDICATOR_UPDATES));
        worker = new Thread(this::run, "forwarded-counter");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (frameworkId.equals(record.key())) {
                        long now = System.nanoTime();
                        if (count.getAndIncrement() == 0) {
                            firstNanos = now;
                        }
                        lastNanos = now;
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Waits until {@code expected} updates arrived, none arrived for {@code stall}, or {@code timeout} passed. */
    long awaitCount(long expected, Duration stall, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastSeen = -1;
        long lastProgress = System.nanoTime();
        while (count.get() < expected && System.nanoTime() < deadline) {
            long seen = count.get();
            if (seen != lastSeen) {
                lastSeen = seen;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                break;
            }
            Thread.sleep(20);
        }
        return count.get();
    }

    long count() {
        return count.get();
    }

    long firstNanos() {
        return firstNanos;
    }

    long lastNanos() {
        return lastNanos;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        worker.join();
    }
}

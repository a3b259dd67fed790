package org.talentindex.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the indicator updates ingestion forwards for one framework (their key is {@code frameworkId/period}), from the
 * end of indicator-updates at construction, and notes when the first and the last of them arrived.
 */
final class ForwardedCounter implements AutoCloseable {

    private final String keyPrefix;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread worker;
    private final AtomicLong count = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile boolean running = true;

    ForwardedCounter(String bootstrapServers, String frameworkId) {
        keyPrefix = frameworkId + "/";
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(ResultWatcher.INDICATOR_UPDATES)
                .forEach(p -> partitions.add(new TopicPartition(ResultWatcher.INDICATOR_UPDATES, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        worker = new Thread(this::run, "forwarded-counter");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.key() != null && record.key().startsWith(keyPrefix)) {
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

package org.talentindex.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Polls a burst of records as one batch: after a poll that returned records, polls again as long as more arrive within
 * {@code gap} of the last, until the batch holds {@code maxRecords} or {@code maxWait} has passed since its first poll
 * returned. A stage whose topic is written in bursts (each a batch of the stage before it) thus takes each burst once,
 * as soon as it has ended, instead of waiting a fixed time for a fetch to fill or taking it in pieces.
 * <p>
 * A rebalance can happen inside any of those polls. The batch then keeps only the records of partitions the consumer
 * still owns and reads on from after them; the others go to whoever reads the partition from its committed or stored
 * position, as records polled before a rebalance would.
 */
public record BurstPoll(Duration gap, Duration maxWait, int maxRecords) {

    /** The records of {@code first} and of the polls that follow it within the burst, per partition in offset order. */
    public <K, V> ConsumerRecords<K, V> rest(Consumer<K, V> consumer, ConsumerRecords<K, V> first) {
        if (first.isEmpty()) {
            return first;
        }
        Map<TopicPartition, List<ConsumerRecord<K, V>>> batch = new HashMap<>();
        int count = add(batch, first);
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean polledAgain = false;
        boolean merged = false;
        while (count < maxRecords && System.nanoTime() < deadline) {
            ConsumerRecords<K, V> more = consumer.poll(gap);
            polledAgain = true;
            if (more.isEmpty()) {
                break;
            }
            count += add(batch, more);
            merged = true;
        }
        boolean dropped = polledAgain
                && batch.entrySet().removeIf(partition -> !readsOnAfter(consumer, partition.getKey(), partition.getValue()));
        return merged || dropped ? new ConsumerRecords<>(batch, Map.of()) : first;
    }

    /** Whether the consumer still owns the partition and its position is past the records held (no rebalance reset it). */
    private static <K, V> boolean readsOnAfter(Consumer<K, V> consumer, TopicPartition partition, List<ConsumerRecord<K, V>> held) {
        return consumer.assignment().contains(partition) && consumer.position(partition) > held.get(held.size() - 1).offset();
    }

    private static <K, V> int add(Map<TopicPartition, List<ConsumerRecord<K, V>>> batch, ConsumerRecords<K, V> records) {
        for (TopicPartition partition : records.partitions()) {
            batch.computeIfAbsent(partition, p -> new ArrayList<>()).addAll(records.records(partition));
        }
        return records.count();
    }
}

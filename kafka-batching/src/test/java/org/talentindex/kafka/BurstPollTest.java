package org.talentindex.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BurstPollTest {

    private static final TopicPartition P0 = new TopicPartition("updates", 0);
    private static final TopicPartition P1 = new TopicPartition("updates", 1);
    private static final BurstPoll BURSTS = new BurstPoll(Duration.ofMillis(5), Duration.ofSeconds(10), 100);

    private final MockConsumer<String, String> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());

    @BeforeEach
    void assign() {
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    @Test
    void recordsThatKeepArrivingAreOneBatchInOffsetOrderPerPartition() {
        add(P0, 0, 1);
        add(P1, 0);
        ConsumerRecords<String, String> first = consumer.poll(Duration.ZERO);
        consumer.schedulePollTask(() -> add(P0, 2));
        consumer.schedulePollTask(() -> add(P1, 1, 2));

        ConsumerRecords<String, String> batch = BURSTS.rest(consumer, first);

        assertEquals(List.of(0L, 1L, 2L), offsets(batch, P0));
        assertEquals(List.of(0L, 1L, 2L), offsets(batch, P1));
        assertEquals(6, batch.count());
    }

    @Test
    void aQuietGapEndsTheBatch() {
        add(P0, 0);
        ConsumerRecords<String, String> first = consumer.poll(Duration.ZERO);
        consumer.schedulePollTask(() -> { });
        consumer.schedulePollTask(() -> add(P0, 1));

        assertSame(first, BURSTS.rest(consumer, first));
        assertEquals(List.of(1L), offsets(consumer.poll(Duration.ZERO), P0));
    }

    @Test
    void aFullBatchPollsNoMore() {
        add(P0, 0, 1);
        ConsumerRecords<String, String> first = consumer.poll(Duration.ZERO);
        consumer.schedulePollTask(() -> add(P0, 2, 3));
        consumer.schedulePollTask(() -> add(P0, 4));

        ConsumerRecords<String, String> batch = new BurstPoll(Duration.ofMillis(5), Duration.ofSeconds(10), 3).rest(consumer, first);

        assertEquals(List.of(0L, 1L, 2L, 3L), offsets(batch, P0));
        assertEquals(List.of(4L), offsets(consumer.poll(Duration.ZERO), P0));
    }

    @Test
    void recordsOfAPartitionRevokedWhileTheBurstIsPolledAreLeftToItsNextOwner() {
        add(P0, 0);
        add(P1, 0);
        ConsumerRecords<String, String> first = consumer.poll(Duration.ZERO);
        consumer.schedulePollTask(() -> consumer.assign(List.of(P1)));

        ConsumerRecords<String, String> batch = BURSTS.rest(consumer, first);

        assertEquals(Set.of(P1), batch.partitions());
        assertEquals(List.of(0L), offsets(batch, P1));
    }

    @Test
    void recordsOfAPartitionRewoundWhileTheBurstIsPolledAreReadAgainNotNow() {
        add(P0, 0, 1);
        add(P1, 0);
        ConsumerRecords<String, String> first = consumer.poll(Duration.ZERO);
        consumer.schedulePollTask(() -> {
            consumer.seek(P0, 1);
            add(P1, 1);
        });

        ConsumerRecords<String, String> batch = BURSTS.rest(consumer, first);

        assertEquals(Set.of(P1), batch.partitions());
        assertEquals(List.of(0L, 1L), offsets(batch, P1));
    }

    @Test
    void nothingPolledIsReturnedAsItIs() {
        ConsumerRecords<String, String> none = ConsumerRecords.empty();
        assertSame(none, BURSTS.rest(consumer, none));
    }

    private void add(TopicPartition partition, long... offsets) {
        for (long offset : offsets) {
            consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "key", "value"));
        }
    }

    private static List<Long> offsets(ConsumerRecords<String, String> records, TopicPartition partition) {
        return StreamSupport.stream(records.records(partition).spliterator(), false).map(ConsumerRecord::offset).toList();
    }
}

package org.talentindex.ingestion.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.ingestion.service.IngestionService;
import org.talentindex.ingestion.validation.ObservationValidator;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.ValidObservation;
import org.talentindex.ingestion.validation.ValidationResult;

/**
 * Reads indicator-observations batch by batch: valid records are stored and forwarded, invalid ones go to the dead-letter
 * topic. Offsets are committed only after both, so a crash re-reads the batch (storing is idempotent by observation key).
 * When storing or forwarding fails, the batch is read again after a pause instead of being dropped.
 */
@ApplicationScoped
public class ObservationConsumer {

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    /** As many as the topic has partitions by default (4). */
    private static final int PARTITIONS_SIDE_BY_SIDE = 4;

    @Inject
    KafkaSettings settings;

    @Inject
    ObservationValidator validator;

    @Inject
    IngestionService ingestion;

    @Inject
    DeadLetterPublisher deadLetters;

    @ConfigProperty(name = "talentindex.topics.observations")
    String topic;

    private KafkaConsumer<byte[], byte[]> consumer;
    private ExecutorService partitionWorkers;
    private Thread worker;
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        consumer = new KafkaConsumer<>(settings.consumer(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitionWorkers = Executors.newFixedThreadPool(PARTITIONS_SIDE_BY_SIDE, task -> new Thread(task, "observation-partition"));
        running = true;
        worker = new Thread(this::run, "observation-consumer");
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        consumer.wakeup();
        worker.join(Duration.ofSeconds(30).toMillis());
        partitionWorkers.shutdown();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && !process(records)) {
                    rewind(records);
                    pauseWhileWaiting();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private boolean process(ConsumerRecords<byte[], byte[]> records) {
        try {
            processPartitionsSideBySide(records);
            consumer.commitAsync(nextOffsets(records), ObservationConsumer::logFailedCommit);
            return true;
        } catch (ForwardingException | RuntimeException e) {
            Log.warnf("Batch of %d observations not processed, will retry: %s", records.count(), e.getMessage());
            return false;
        }
    }

    /**
     * Each partition's records are validated, stored and forwarded on a thread of their own, so that one partition's
     * wait for PostgreSQL or Kafka overlaps another's work. Order within a partition is kept; should two partitions hold
     * the same cell, storing retries (see {@link IngestionService}).
     */
    private void processPartitionsSideBySide(ConsumerRecords<byte[], byte[]> records) throws ForwardingException {
        List<Future<Void>> running = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            running.add(partitionWorkers.submit(() -> process(records.records(partition))));
        }
        Throwable failure = null;
        for (Future<Void> partition : running) {
            try {
                partition.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        if (failure instanceof ForwardingException forwarding) {
            throw forwarding;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    private Void process(List<ConsumerRecord<byte[], byte[]>> records) throws ForwardingException {
        List<ValidObservation> valid = new ArrayList<>(records.size());
        List<Future<RecordMetadata>> deadLettersSent = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ValidationResult result = validator.validateSafely(record.value() == null ? new byte[0] : record.value());
            if (result instanceof ValidObservation observation) {
                valid.add(observation);
            } else {
                deadLettersSent.add(deadLetters.send(record, (Rejection) result));
            }
        }
        deadLetters.awaitAcknowledgements(deadLettersSent);
        ingestion.acceptAndForward(valid, "kafka:" + topic);
        return null;
    }

    /**
     * Offsets are committed without waiting: what they cover is already stored and forwarded, so a commit that fails
     * only means the records are read again after a restart, which the idempotent processing absorbs.
     */
    private static void logFailedCommit(Map<TopicPartition, OffsetAndMetadata> offsets, Exception failure) {
        if (failure != null) {
            Log.warnf("Offsets %s not committed; the records will be read again: %s", offsets, failure.getMessage());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> partitionRecords = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(partitionRecords.get(partitionRecords.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /** Stops fetching but keeps polling, so the consumer stays in its group while storage or Kafka recovers. */
    private void pauseWhileWaiting() {
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        long until = System.nanoTime() + RETRY_PAUSE.toNanos();
        while (running && System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(200));
        }
        consumer.resume(consumer.paused());
    }
}

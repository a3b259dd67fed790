package org.talentindex.ingestion.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.ingestion.messaging.DeadLetterPublisher.DeadLetter;
import org.talentindex.ingestion.service.IngestionService;
import org.talentindex.ingestion.service.Outcome;
import org.talentindex.ingestion.validation.ObservationValidator;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.ValidObservation;
import org.talentindex.ingestion.validation.ValidationResult;
import org.talentindex.kafka.LoopHeartbeat;

/**
 * Reads indicator-observations batch by batch: valid records are stored and forwarded, invalid ones go to the dead-letter
 * topic. Offsets are committed only after both, so a crash re-reads the batch (storing is idempotent by observation key).
 * When storing or forwarding fails for a reason that may pass, the batch is read again after a growing pause instead of
 * being dropped; a record that cannot be stored or is refused goes to the dead-letter topic alone.
 */
@ApplicationScoped
public class ObservationConsumer {

    private static final Duration FIRST_RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
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

    /** Longer than a batch can take (storing plus two waits for Kafka): a loop without a turn for this long is stuck. */
    @ConfigProperty(name = "talentindex.consumer.stuck-after", defaultValue = "5m")
    Duration stuckAfter;

    private KafkaConsumer<byte[], byte[]> consumer;
    private ExecutorService partitionWorkers;
    private Thread worker;
    private final LoopHeartbeat heartbeat = new LoopHeartbeat("observation consumer");
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        consumer = new KafkaConsumer<>(settings.consumer(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitionWorkers = Executors.newFixedThreadPool(PARTITIONS_SIDE_BY_SIDE, task -> new Thread(task, "observation-partition"));
        heartbeat.started();
        running = true;
        worker = new Thread(this::run, "observation-consumer");
        worker.start();
    }

    /** Interrupts whatever the loop waits for (a poll, a pause, Kafka's acknowledgement), so that it ends within seconds. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        partitionWorkers.shutdownNow();
        worker.interrupt();
        consumer.wakeup();
        worker.join(SHUTDOWN_WAIT.toMillis());
    }

    /** Empty while the loop runs; what is wrong with it when it died or is stuck. */
    Optional<String> problem() {
        return heartbeat.problem(stuckAfter);
    }

    private void run() {
        Duration retryPause = FIRST_RETRY_PAUSE;
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                heartbeat.roundCompleted();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() || process(records)) {
                    retryPause = FIRST_RETRY_PAUSE;
                } else {
                    rewind(records);
                    pauseWhileWaiting(retryPause);
                    retryPause = Collections.min(List.of(retryPause.multipliedBy(2), LONGEST_RETRY_PAUSE));
                }
            }
        } catch (Throwable e) {
            if (running) {
                heartbeat.died(e);
                Log.errorf(e, "The consumer of %s stopped", topic);
            }
        } finally {
            Thread.interrupted();
            consumer.close(SHUTDOWN_WAIT);
        }
    }

    /** False when storing, forwarding or sending dead letters failed for a reason that may pass (Kafka or PostgreSQL down). */
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
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof ForwardingException forwarding) {
            throw forwarding;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    /**
     * Refused records become dead letters: those the validator refuses, and those storing refuses (an observation id
     * with other content, or data PostgreSQL will not take); the others are stored and forwarded.
     */
    private Void process(List<ConsumerRecord<byte[], byte[]>> records) throws ForwardingException {
        List<ValidObservation> valid = new ArrayList<>(records.size());
        List<ConsumerRecord<byte[], byte[]>> validRecords = new ArrayList<>(records.size());
        List<DeadLetter> refused = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ValidationResult result = validator.validateSafely(record.value() == null ? new byte[0] : record.value());
            if (result instanceof ValidObservation observation) {
                valid.add(observation);
                validRecords.add(record);
            } else {
                refused.add(new DeadLetter(record, (Rejection) result));
            }
        }
        List<Outcome> outcomes = ingestion.acceptAndForward(valid, "kafka:" + topic);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof Outcome.Refused storingRefused) {
                refused.add(new DeadLetter(validRecords.get(i), storingRefused.rejection()));
            }
        }
        deadLetters.sendAll(refused);
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
    private void pauseWhileWaiting(Duration pause) {
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        long until = System.nanoTime() + pause.toNanos();
        while (running && System.nanoTime() < until) {
            heartbeat.roundCompleted();
            consumer.poll(Duration.ofMillis(200));
        }
        consumer.resume(consumer.paused());
    }
}

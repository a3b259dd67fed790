package org.talentindex.scoring.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.kafka.BurstPoll;
import org.talentindex.kafka.LoopHeartbeat;
import org.talentindex.scoring.service.IndicatorUpdate;
import org.talentindex.scoring.service.ScoringService;
import org.talentindex.scoring.state.ConsumerOffset;
import org.talentindex.scoring.state.FrameworkPeriodKey;

/**
 * Consumes indicator-updates. Positions live in the database, written in the same transaction as the scores they
 * produced, so on assignment (and after a failed batch) the consumer seeks to the stored position: no update is
 * applied twice or lost, whatever happens between the database commit and Kafka. After each batch the same positions are
 * also committed to the consumer group, for lag monitoring only.
 */
@ApplicationScoped
public class UpdateConsumer {

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    KafkaSettings settings;

    @Inject
    ScoringService scoring;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Inject
    BackgroundLoopsConfig loops;

    @ConfigProperty(name = "talentindex.topics.updates")
    String topic;

    private ObjectReader updateReader;
    private KafkaConsumer<String, String> consumer;
    private BurstPoll burstPoll;
    private Thread worker;
    private volatile boolean running;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final LoopHeartbeat heartbeat = new LoopHeartbeat("indicator-updates consumer");
    private volatile Set<Integer> ownedPartitions = Set.of();
    private volatile int partitionCount;

    void start(@Observes StartupEvent event) {
        updateReader = IndicatorUpdate.reader(json);
        consumer = new KafkaConsumer<>(settings.consumer(), new StringDeserializer(), new StringDeserializer());
        burstPoll = settings.burstPoll();
        new KafkaClientMetrics(consumer).bindTo(metrics);
        running = true;
        heartbeat.started();
        worker = new Thread(this::run, "update-consumer");
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        stopping.countDown();
        consumer.wakeup();
        worker.join(loops.stopTimeout().toMillis());
        if (worker.isAlive()) {
            Log.warnf("The consumer of %s did not stop within %s; interrupting it", topic, loops.stopTimeout());
            worker.interrupt();
            worker.join(CLOSE_TIMEOUT.toMillis());
        }
    }

    LoopHeartbeat heartbeat() {
        return heartbeat;
    }

    private void run() {
        try {
            consume();
            heartbeat.stopped();
        } catch (Throwable e) { // an Error too (OutOfMemoryError): the health checks must learn that nothing is consumed any more
            ownedPartitions = Set.of();
            heartbeat.died(e);
            Log.errorf(e, "The consumer of %s died", topic);
        }
    }

    private void consume() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    seekToStoredPositions(partitions);
                    partitionCount = consumer.partitionsFor(topic).size();
                    ownedPartitions = consumer.assignment().stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    ownedPartitions = Set.of();
                    scoring.forgetAll();
                }
            });
            boolean resumeFromStoredPositions = false;
            while (running) {
                try {
                    if (resumeFromStoredPositions) {
                        seekToStoredPositions(consumer.assignment());
                        resumeFromStoredPositions = false;
                    }
                    ConsumerRecords<String, String> records = burstPoll.rest(consumer, consumer.poll(Duration.ofMillis(200)));
                    if (!records.isEmpty()) {
                        process(records);
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) { // PostgreSQL or Kafka away: nothing was committed, so read again from what was
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    Log.warnf("Updates not processed, will resume from the stored positions: %s", e.getMessage());
                    resumeFromStoredPositions = true;
                    pauseBeforeRetry();
                }
                heartbeat.roundCompleted();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(CLOSE_TIMEOUT);
        }
    }

    /** Whether this instance consumes the partition of indicator-updates that carries the framework (Kafka's key partitioning). */
    public boolean owns(String frameworkId) {
        int partitions = partitionCount;
        return partitions > 0
                && ownedPartitions.contains(BuiltInPartitioner.partitionForKey(frameworkId.getBytes(StandardCharsets.UTF_8), partitions));
    }

    private void process(ConsumerRecords<String, String> records) {
        List<IndicatorUpdate> updates = new ArrayList<>(records.count());
        Map<Integer, Long> nextOffsets = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            parse(record).ifPresent(updates::add);
            nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
        }
        metrics.counter("scoring.updates.consumed").increment(records.count());
        metrics.counter("scoring.batches").increment();
        Timer.Sample batch = Timer.start();
        int events = scoring.applyBatch(updates, topic, nextOffsets);
        batch.stop(metrics.timer("scoring.batch"));
        if (events > 0) {
            relay.wake();
        }
        commitForMonitoring(nextOffsets);
    }

    /**
     * Commits the positions just stored in the database to the consumer group as well, so that consumer-lag monitoring
     * and autoscaling see how far scoring is; the database stays the only position scoring resumes from.
     */
    private void commitForMonitoring(Map<Integer, Long> nextOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((partition, next) -> offsets.put(new TopicPartition(topic, partition), new OffsetAndMetadata(next)));
        consumer.commitAsync(offsets, (committed, failure) -> {
            if (failure != null) {
                Log.debugf("Committing positions of %s to Kafka failed (monitoring only): %s", topic, failure.getMessage());
            }
        });
    }

    private Optional<IndicatorUpdate> parse(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(updateReader.readValue(record.value()));
        } catch (IOException | RuntimeException e) {
            metrics.counter("scoring.updates.invalid").increment();
            Log.errorf("Invalid indicator update at %s-%d@%d skipped: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    private void seekToStoredPositions(Collection<TopicPartition> partitions) {
        Map<Integer, Long> stored = QuarkusTransaction.requiringNew().call(() -> {
            Map<Integer, Long> positions = new HashMap<>();
            for (TopicPartition partition : partitions) {
                ConsumerOffset offset = ConsumerOffset.findById(new ConsumerOffset.Id(partition.topic(), partition.partition()));
                positions.put(partition.partition(), offset == null ? 0L : offset.nextOffset);
            }
            return positions;
        });
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, stored.get(partition.partition()));
        }
    }

    /** Waits {@link #RETRY_PAUSE}, or less when the service stops meanwhile. */
    private void pauseBeforeRetry() {
        try {
            stopping.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

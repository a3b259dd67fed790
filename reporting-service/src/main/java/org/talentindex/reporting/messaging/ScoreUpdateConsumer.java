package org.talentindex.reporting.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.kafka.BurstPoll;
import org.talentindex.kafka.LoopHeartbeat;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.service.KeyOutcome;
import org.talentindex.reporting.service.ReportEvents;
import org.talentindex.reporting.service.ReportService;
import org.talentindex.reporting.service.ScoreUpdate;

/**
 * Consumes score-updates a poll batch at a time: the batch is materialised in one transaction (each framework-period once,
 * with all its versions in order) and every resulting report is sent at once. Their acknowledgement is awaited while the
 * next batch is materialised; then the batch's offsets are committed. A redelivered version is recognised and skipped; a
 * version gap is closed by a resync from scoring, or left pending for {@link PendingResyncRetry} when scoring cannot
 * answer. A batch that fails, or whose reports Kafka does not acknowledge, is read again from its start (with the batch
 * after it): its versions are stored by then, so the latest report is published again.
 */
@ApplicationScoped
public class ScoreUpdateConsumer {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    @Inject
    MeterRegistry metrics;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @Inject
    ReportService reports;

    @Inject
    PendingResyncRetry resyncs;

    @Inject
    ReportPublisher publisher;

    @Inject
    ReportEvents events;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "talentindex.topics.scores")
    String topic;

    @ConfigProperty(name = "talentindex.consumer.group-id")
    String groupId;

    @ConfigProperty(name = "talentindex.consumer.max-poll-records")
    int maxPollRecords;

    /** The longest a fetch waits for {@code fetchMinBytes} to arrive, and a burst to be polled (application.properties says why). */
    @ConfigProperty(name = "talentindex.consumer.fetch-max-wait")
    Duration fetchMaxWait;

    @ConfigProperty(name = "talentindex.consumer.fetch-min-bytes")
    int fetchMinBytes;

    @ConfigProperty(name = "talentindex.consumer.burst-gap")
    Duration burstGap;

    /** A batch whose reports were sent and not yet acknowledged. */
    private record InFlight(List<Future<RecordMetadata>> sent, List<Report> reports, ConsumerRecords<String, byte[]> records) {
    }

    private KafkaConsumer<String, byte[]> consumer;
    private BurstPoll burstPoll;
    private ObjectReader eventReader;
    private InFlight inFlight;
    private Thread worker;
    private volatile boolean running;
    private final LoopHeartbeat heartbeat = new LoopHeartbeat("score-updates consumer");

    void start(@Observes StartupEvent event) {
        Map<String, Object> config = new HashMap<>(broker);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchMaxWait.toMillis());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, fetchMinBytes);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        burstPoll = new BurstPoll(burstGap, fetchMaxWait, maxPollRecords);
        eventReader = ScoreUpdate.reader(json);
        running = true;
        heartbeat.started();
        worker = new Thread(this::run, "score-update-consumer");
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        consumer.wakeup();
        worker.join(Duration.ofSeconds(30).toMillis());
    }

    LoopHeartbeat heartbeat() {
        return heartbeat;
    }

    private void run() {
        try {
            consume();
            heartbeat.stopped();
        } catch (Throwable e) { // an Error too: the health checks must learn that no report is built any more
            heartbeat.died(e);
            Log.errorf(e, "The consumer of %s died", topic);
        }
    }

    private void consume() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commitBeforeHandingOver();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = burstPoll.rest(consumer,
                        consumer.poll(inFlight == null ? POLL_TIMEOUT : Duration.ZERO));
                boolean done = records.isEmpty() ? completeInFlight() : process(records);
                if (!done) {
                    sleep(RETRY_PAUSE);
                }
                heartbeat.roundCompleted();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            completeInFlight();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** True when the batch is done with; false when it must be read again (every partition is rewound to its start). */
    private boolean process(ConsumerRecords<String, byte[]> records) {
        Timer.Sample batch = Timer.start();
        try {
            List<KeyOutcome> outcomes = reports.apply(readable(records));
            if (!completeInFlight()) {
                rewind(records);
                return false;
            }
            List<Report> toPublish = outcomes.stream().flatMap(outcome -> outcome.toPublish().stream()).toList();
            inFlight = new InFlight(publisher.send(toPublish), toPublish, records);
            for (KeyOutcome outcome : outcomes) {
                if (outcome.gapVersion().isPresent()) {
                    resyncs.resyncAfterGap(outcome.key().frameworkId(), outcome.key().period(), outcome.gapVersion().getAsLong());
                }
            }
            batch.stop(metrics.timer("reporting.batch"));
            metrics.counter("reporting.updates.consumed").increment(records.count());
            return true;
        } catch (Exception e) {
            Log.warnf("Batch of %d score updates not processed, will retry: %s", records.count(), e.getMessage());
            rewind(records);
            return false;
        }
    }

    /**
     * Waits until Kafka acknowledged the reports of the batch in flight, then commits its offsets and tells the web
     * pages. False when a report was not acknowledged: that batch is read again.
     */
    private boolean completeInFlight() {
        if (inFlight == null) {
            return true;
        }
        InFlight batch = inFlight;
        inFlight = null;
        try {
            publisher.awaitAcknowledgements(batch.sent());
        } catch (Exception e) {
            Log.warnf("Reports of a batch of %d score updates not acknowledged, will read it again: %s", batch.records().count(),
                    e.getMessage());
            rewind(batch.records());
            return false;
        }
        consumer.commitAsync(nextOffsets(batch.records()), ScoreUpdateConsumer::logFailedCommit);
        batch.reports().forEach(events::fire);
        return true;
    }

    /**
     * Settles the batch in flight and waits for its commit, so that the next owner of a partition starts where this one
     * ended. Only what was processed is committed: the consumer's position may already be past a burst polled and not
     * yet processed, which the next owner reads (see {@link BurstPoll}).
     */
    private void commitBeforeHandingOver() {
        completeInFlight();
        try {
            consumer.commitSync(Map.of());
        } catch (KafkaException e) {
            Log.warnf("Offsets not committed before a rebalance; the next owner reads some records again: %s", e.getMessage());
        }
    }

    /** Seeks every partition of the batch this consumer still owns back to its first record, unless it is already before it. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> owned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            long first = records.records(partition).get(0).offset();
            if (owned.contains(partition) && consumer.position(partition) > first) {
                consumer.seek(partition, first);
            }
        }
    }

    /** The batch's events in order per partition; an unreadable one is logged and skipped. */
    private List<ScoreUpdate> readable(ConsumerRecords<String, byte[]> records) {
        List<ScoreUpdate> updates = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                updates.add(ScoreUpdate.read(eventReader, record.value()));
            } catch (IOException e) {
                Log.errorf("Unreadable score update at %s-%d@%d skipped: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        return updates;
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

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

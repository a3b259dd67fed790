package org.talentindex.reporting.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.service.ReportEvents;
import org.talentindex.reporting.service.ReportResync;
import org.talentindex.reporting.service.ReportService;
import org.talentindex.reporting.service.VersionOutcome;

/**
 * Consumes score-updates, materialises each into the report and publishes the new report. Offsets are committed after
 * the report is stored and published; a redelivered version is recognised and skipped; a version gap is closed by a
 * resync from scoring, or left pending for {@link PendingResyncRetry} when scoring cannot answer.
 */
@ApplicationScoped
public class ScoreUpdateConsumer {

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @Inject
    ReportService reports;

    @Inject
    ReportResync resync;

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

    private KafkaConsumer<String, String> consumer;
    private Thread worker;
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        Map<String, Object> config = new HashMap<>(broker);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        running = true;
        worker = new Thread(this::run, "score-update-consumer");
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        consumer.wakeup();
        worker.join(Duration.ofSeconds(30).toMillis());
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                boolean failed = false;
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, String> record : records.records(partition)) {
                        if (!process(record)) {
                            failed = true;
                            break;
                        }
                    }
                }
                if (failed) {
                    sleep(RETRY_PAUSE);
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

    /** True when the record is done with; false when it must be read again (its position is rewound). */
    private boolean process(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try {
            VersionOutcome outcome = reports.apply(json.readTree(record.value()));
            if (outcome.kind() == VersionOutcome.Kind.GAP) {
                resync.request(outcome.frameworkId(), outcome.period(), outcome.version());
                Optional<Report> resynced = resync.attempt(outcome.frameworkId(), outcome.period());
                if (resynced.isPresent()) {
                    publisher.publish(resynced.get());
                    events.fire(resynced.get());
                    resync.done(outcome.frameworkId(), outcome.period(), resynced.get().version);
                }
            } else if (outcome.toPublish().isPresent()) {
                publisher.publish(outcome.report());
                events.fire(outcome.report());
            }
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            return true;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NullPointerException e) {
            Log.errorf("Unreadable score update at %s@%d skipped: %s", partition, record.offset(), e.getMessage());
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            return true;
        } catch (Exception e) {
            Log.warnf("Score update at %s@%d not processed, will retry: %s", partition, record.offset(), e.getMessage());
            consumer.seek(partition, record.offset());
            return false;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.talentindex.scoring.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.kafka.LoopHeartbeat;
import org.talentindex.scoring.state.Outbox;

/**
 * Publishes outbox events in the order they were written, with an idempotent producer, and deletes what Kafka
 * acknowledged. One relay runs at a time across all instances (a PostgreSQL advisory lock held on a dedicated
 * connection); when it takes over, it first drops the events a crashed predecessor published but had not deleted.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 1000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    KafkaSettings settings;

    @Inject
    MeterRegistry metrics;

    private static final long RELAY_LOCK = 0x5c0_0e1a7L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    BackgroundLoopsConfig loops;

    @ConfigProperty(name = "talentindex.topics.scores")
    String topic;

    private final Semaphore signal = new Semaphore(0);
    /** Events Kafka acknowledged, deleted by the next read of the outbox (at the latest a second later). */
    private List<Long> published = List.of();
    private Connection lockConnection;
    private KafkaProducer<String, byte[]> producer;
    private Thread worker;
    private volatile boolean running;
    private final LoopHeartbeat heartbeat = new LoopHeartbeat("outbox relay");

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(settings.producer("scoring-outbox-relay"), new StringSerializer(), new ByteArraySerializer());
        running = true;
        heartbeat.started();
        worker = new Thread(this::run, "outbox-relay");
        worker.start();
    }

    /** Lets the relay finish the events in flight for a moment, then interrupts the wait for their acknowledgement. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        signal.release();
        worker.join(loops.stopTimeout().toMillis());
        if (worker.isAlive()) {
            Log.warnf("The outbox relay did not stop within %s; interrupting it", loops.stopTimeout());
            worker.interrupt();
            worker.join(CLOSE_TIMEOUT.toMillis());
        }
        producer.close(CLOSE_TIMEOUT);
        if (lockConnection != null) {
            try {
                lockConnection.close();
            } catch (SQLException e) {
                Log.debug("Closing the relay lock connection", e);
            }
        }
    }

    public void wake() {
        signal.release();
    }

    LoopHeartbeat heartbeat() {
        return heartbeat;
    }

    private void run() {
        try {
            relayWhileRunning();
            heartbeat.stopped();
        } catch (InterruptedException e) {
            heartbeat.stopped();
            Thread.currentThread().interrupt();
        } catch (Throwable e) { // an Error too (OutOfMemoryError): the health checks must learn that nothing is published any more
            heartbeat.died(e);
            Log.error("The outbox relay died", e);
        }
    }

    private void relayWhileRunning() throws InterruptedException {
        while (running && !becomeTheRelay()) {
            heartbeat.roundCompleted();
            signal.tryAcquire(1, TimeUnit.SECONDS);
        }
        while (running) {
            try {
                signal.tryAcquire(1, TimeUnit.SECONDS);
                signal.drainPermits();
                while (running && relayOnce() == BATCH) {
                    // more waiting
                }
            } catch (SQLException | RuntimeException e) {
                Log.warnf("Outbox relay failed, retrying: %s", e.getMessage());
            }
            heartbeat.roundCompleted();
        }
        deletePublished();
    }

    private void deletePublished() {
        try {
            withConnection(connection -> {
                Outbox.delete(connection, published);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            Log.infof("Published outbox events left for the next relay to drop: %s", e.getMessage());
        }
    }

    private boolean becomeTheRelay() {
        try {
            if (lockConnection == null) {
                lockConnection = dataSource.getConnection();
            }
            try (PreparedStatement lock = lockConnection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, RELAY_LOCK);
                try (ResultSet result = lock.executeQuery()) {
                    if (!result.next() || !result.getBoolean(1)) {
                        return false;
                    }
                }
            }
            dropPublishedBeforeTakeover();
            Log.info("This instance relays the outbox");
            return true;
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Could not take over the outbox relay yet: %s", e.getMessage());
            return false;
        }
    }

    private void dropPublishedBeforeTakeover() throws SQLException {
        List<Outbox.Event> oldest = withConnection(connection -> Outbox.oldest(connection, List.of(), BATCH));
        if (oldest.isEmpty()) {
            return;
        }
        Set<String> onTopic = PublishedTail.read(settings.consumer(), topic, BATCH, json);
        List<Long> alreadyPublished = oldest.stream()
                .filter(e -> onTopic.contains(PublishedTail.identityOf(e.payload(), json)))
                .map(Outbox.Event::id).toList();
        if (!alreadyPublished.isEmpty()) {
            withConnection(connection -> {
                Outbox.delete(connection, alreadyPublished);
                return null;
            });
            Log.infof("Dropped %d outbox events already on %s", alreadyPublished.size(), topic);
        }
    }

    private int relayOnce() throws SQLException {
        Timer.Sample relayed = Timer.start();
        List<Outbox.Event> events = withConnection(connection -> Outbox.oldest(connection, published, BATCH));
        published = List.of();
        if (events.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (Outbox.Event event : events) {
            sent.add(producer.send(new ProducerRecord<>(event.topic(), event.key(), event.payload())));
        }
        try {
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the score updates", e);
        }
        published = events.stream().map(Outbox.Event::id).toList();
        metrics.counter("scoring.events.published").increment(events.size());
        relayed.stop(metrics.timer("scoring.relay"));
        return events.size();
    }

    /** Runs on a pooled connection in auto-commit mode: the relay's reads and deletes need no transaction. */
    private <T> T withConnection(Statements<T> statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return statements.run(connection);
        }
    }

    @FunctionalInterface
    private interface Statements<T> {
        T run(Connection connection) throws SQLException;
    }
}

package org.talentindex.scoring.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.talentindex.scoring.state.OutboxEvent;

/** Publishes outbox events in the order they were written, with an idempotent producer, and deletes what Kafka acknowledged. */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 1000;

    @Inject
    KafkaSettings settings;

    @Inject
    MeterRegistry metrics;

    private final Semaphore signal = new Semaphore(0);
    private KafkaProducer<String, String> producer;
    private Thread worker;
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(settings.producer("scoring-outbox-relay"), new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        signal.release();
        worker.join(Duration.ofSeconds(30).toMillis());
        producer.close(Duration.ofSeconds(5));
    }

    public void wake() {
        signal.release();
    }

    private void run() {
        while (running) {
            try {
                signal.tryAcquire(1, TimeUnit.SECONDS);
                signal.drainPermits();
                while (running && relayOnce() == BATCH) {
                    // more waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("Outbox relay failed, retrying: %s", e.getMessage());
            }
        }
    }

    private int relayOnce() {
        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.oldest(BATCH));
        if (events.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            sent.add(producer.send(new ProducerRecord<>(event.topic, event.key, event.payload)));
        }
        try {
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the score updates", e);
        }
        List<Long> ids = events.stream().map(e -> e.id).toList();
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("id in ?1", ids));
        metrics.counter("scoring.events.published").increment(events.size());
        return events.size();
    }
}

package org.talentindex.ingestion.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.talentindex.ingestion.validation.ObservationValidator;
import org.talentindex.ingestion.validation.ValidationResult;
import org.talentindex.testsupport.LocalInfrastructure;

/**
 * The consumer loop on the real broker, outside the application: a throwable that ends it, or a record it is stuck on,
 * makes it not live, and stopping it takes seconds even while it waits.
 */
class ObservationConsumerLoopTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Less than the wait of stop() for the loop's thread: stopping sooner means the thread ended. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @Test
    void aThrowableThatEndsTheLoopIsReported() throws Exception {
        ObservationConsumer consumer = consumer(Duration.ofMinutes(5), new ObservationValidator() {
            @Override
            public ValidationResult validateSafely(byte[] json) {
                throw new OutOfMemoryError("Java heap space (from the test)");
            }
        });
        consumer.start(null);
        try {
            sendOneRecord(consumer.topic);
            await().atMost(PATIENCE).until(() -> consumer.problem().isPresent());
            assertTrue(consumer.problem().orElseThrow().contains("OutOfMemoryError"), consumer.problem().orElseThrow());
        } finally {
            consumer.stop(null);
        }
    }

    @Test
    void aLoopStuckOnARecordIsReportedAndStillStopsWithinSeconds() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        ObservationConsumer consumer = consumer(Duration.ofSeconds(1), new ObservationValidator() {
            @Override
            public ValidationResult validateSafely(byte[] json) {
                stuck.countDown();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted");
            }
        });
        consumer.start(null);
        sendOneRecord(consumer.topic);
        await().atMost(PATIENCE).until(() -> stuck.getCount() == 0 && consumer.problem().isPresent());
        assertTrue(consumer.problem().orElseThrow().startsWith("stalled"), consumer.problem().orElseThrow());

        long started = System.nanoTime();
        consumer.stop(null);
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(stopping.compareTo(PROMPTLY) < 0, "the loop ended in " + stopping.toMillis() + " ms");
    }

    private static ObservationConsumer consumer(Duration stuckAfter, ObservationValidator validator) {
        KafkaSettings settings = new KafkaSettings();
        settings.broker = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers());
        settings.groupId = "loop-test-" + UUID.randomUUID();
        settings.fetchMaxWait = Duration.ofMillis(40);
        settings.fetchMinBytes = 1;
        settings.deliveryTimeout = Duration.ofSeconds(4);
        settings.maxBlock = Duration.ofSeconds(2);
        ObservationConsumer consumer = new ObservationConsumer();
        consumer.settings = settings;
        consumer.validator = validator;
        consumer.topic = "loop-test-" + UUID.randomUUID();
        consumer.stuckAfter = stuckAfter;
        return consumer;
    }

    private static void sendOneRecord(String topic) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "{}".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
    }
}

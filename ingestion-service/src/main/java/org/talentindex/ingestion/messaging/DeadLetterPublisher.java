package org.talentindex.ingestion.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.ingestion.validation.Rejection;

/** Sends a refused record, byte for byte, to the dead-letter topic with headers saying why and where it came from. */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REASON_CODE = "reason-code";
    public static final String REASON_MESSAGE = "reason-message";
    public static final String SOURCE_TOPIC = "source-topic";
    public static final String SOURCE_PARTITION = "source-partition";
    public static final String SOURCE_OFFSET = "source-offset";
    public static final String REJECTED_AT = "rejected-at";

    @Inject
    KafkaSettings settings;

    @ConfigProperty(name = "talentindex.topics.dead-letters")
    String topic;

    private KafkaProducer<byte[], byte[]> producer;

    @PostConstruct
    void start() {
        producer = new KafkaProducer<>(settings.producer("ingestion-dead-letters"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @PreDestroy
    void stop() {
        producer.close();
    }

    public void publish(ConsumerRecord<byte[], byte[]> original, Rejection rejection) throws ForwardingException {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, original.key(), original.value());
        original.headers().forEach(header -> record.headers().add(header));
        Headers headers = record.headers();
        add(headers, REASON_CODE, rejection.reason().name());
        add(headers, REASON_MESSAGE, rejection.message());
        add(headers, SOURCE_TOPIC, original.topic());
        add(headers, SOURCE_PARTITION, Integer.toString(original.partition()));
        add(headers, SOURCE_OFFSET, Long.toString(original.offset()));
        add(headers, REJECTED_AT, Instant.now().toString());
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ForwardingException("Kafka did not accept the dead letter: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForwardingException("Interrupted while sending a dead letter", e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

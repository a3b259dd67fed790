package org.talentindex.ingestion.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
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
import org.apache.kafka.clients.producer.RecordMetadata;
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

    /** Sends without waiting; pass the results to {@link #awaitAcknowledgements(List)}. */
    public Future<RecordMetadata> send(ConsumerRecord<byte[], byte[]> original, Rejection rejection) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, original.key(), original.value());
        original.headers().forEach(header -> record.headers().add(header));
        Headers headers = record.headers();
        add(headers, REASON_CODE, rejection.reason().name());
        add(headers, REASON_MESSAGE, rejection.message());
        add(headers, SOURCE_TOPIC, original.topic());
        add(headers, SOURCE_PARTITION, Integer.toString(original.partition()));
        add(headers, SOURCE_OFFSET, Long.toString(original.offset()));
        add(headers, REJECTED_AT, Instant.now().toString());
        return producer.send(record);
    }

    public void awaitAcknowledgements(List<Future<RecordMetadata>> sent) throws ForwardingException {
        try {
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(settings.acknowledgementWait().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new ForwardingException("Kafka did not accept the dead letters: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForwardingException("Interrupted while sending dead letters", e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

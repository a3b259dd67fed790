package org.talentindex.ingestion.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.ingestion.validation.Rejection;

/**
 * Sends a refused record, byte for byte, to the dead-letter topic with headers saying why and where it came from (cut when
 * too large for the topic).
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REASON_CODE = "reason-code";
    public static final String REASON_MESSAGE = "reason-message";
    public static final String SOURCE_TOPIC = "source-topic";
    public static final String SOURCE_PARTITION = "source-partition";
    public static final String SOURCE_OFFSET = "source-offset";
    public static final String REJECTED_AT = "rejected-at";
    /** "true" when the dead letter's key and value were cut because the whole record was too large for the topic. */
    public static final String TRUNCATED = "truncated";
    /** The size in bytes of the original value, on a truncated dead letter. */
    public static final String ORIGINAL_SIZE = "original-size";

    static final int TRUNCATED_BYTES = 1024;

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

    /** A refused record and why. */
    public record DeadLetter(ConsumerRecord<byte[], byte[]> original, Rejection rejection) {
    }

    /**
     * Sends the dead letters and waits for Kafka's acknowledgement. One that is too large for the topic (a value near
     * the size limit plus the headers) is sent again with its key and value cut to {@value #TRUNCATED_BYTES} bytes,
     * without the original headers, and says so in {@link #TRUNCATED} and {@link #ORIGINAL_SIZE}.
     */
    public void sendAll(List<DeadLetter> deadLetters) throws ForwardingException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(deadLetters.size());
        for (DeadLetter deadLetter : deadLetters) {
            sent.add(producer.send(whole(deadLetter)));
        }
        for (int i = 0; i < sent.size(); i++) {
            try {
                await(sent.get(i));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RecordTooLargeException)) {
                    throw new ForwardingException("Kafka did not accept the dead letters: " + e.getMessage(), e);
                }
                ConsumerRecord<byte[], byte[]> original = deadLetters.get(i).original();
                Log.warnf("Dead letter of %s-%d@%d too large for %s; sending it cut to %d bytes", original.topic(),
                        original.partition(), original.offset(), topic, TRUNCATED_BYTES);
                try {
                    await(producer.send(truncated(deadLetters.get(i))));
                } catch (ExecutionException again) {
                    throw new ForwardingException("Kafka did not accept the cut dead letter: " + again.getMessage(), again);
                }
            }
        }
    }

    private void await(Future<RecordMetadata> acknowledgement) throws ExecutionException, ForwardingException {
        try {
            acknowledgement.get(settings.acknowledgementWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ForwardingException("Kafka did not accept the dead letters in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForwardingException("Interrupted while sending dead letters", e);
        }
    }

    private ProducerRecord<byte[], byte[]> whole(DeadLetter deadLetter) {
        ConsumerRecord<byte[], byte[]> original = deadLetter.original();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, original.key(), original.value());
        original.headers().forEach(header -> record.headers().add(header));
        addReason(record.headers(), deadLetter);
        return record;
    }

    private ProducerRecord<byte[], byte[]> truncated(DeadLetter deadLetter) {
        ConsumerRecord<byte[], byte[]> original = deadLetter.original();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, cut(original.key()), cut(original.value()));
        addReason(record.headers(), deadLetter);
        add(record.headers(), TRUNCATED, "true");
        add(record.headers(), ORIGINAL_SIZE, Integer.toString(original.value() == null ? 0 : original.value().length));
        return record;
    }

    private static byte[] cut(byte[] bytes) {
        return bytes == null || bytes.length <= TRUNCATED_BYTES ? bytes : Arrays.copyOf(bytes, TRUNCATED_BYTES);
    }

    private static void addReason(Headers headers, DeadLetter deadLetter) {
        ConsumerRecord<byte[], byte[]> original = deadLetter.original();
        add(headers, REASON_CODE, deadLetter.rejection().reason().name());
        add(headers, REASON_MESSAGE, deadLetter.rejection().message());
        add(headers, SOURCE_TOPIC, original.topic());
        add(headers, SOURCE_PARTITION, Integer.toString(original.partition()));
        add(headers, SOURCE_OFFSET, Long.toString(original.offset()));
        add(headers, REJECTED_AT, Instant.now().toString());
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

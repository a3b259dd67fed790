package org.talentindex.ingestion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.talentindex.testsupport.LocalInfrastructure;

/** Sends observations to the Kafka door and reads what came out on the dead-letter topic. */
final class KafkaDoor {

    static final String OBSERVATIONS = "indicator-observations";
    static final String DEAD_LETTERS = "indicator-observations.dlq";

    private KafkaDoor() {
    }

    /** Sends the records in order to one partition, so that each is read after the one before. */
    static void sendInOrder(Map<String, byte[]> valuesByKey) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000), new StringSerializer(), new ByteArraySerializer())) {
            valuesByKey.forEach((key, value) -> producer.send(new ProducerRecord<>(OBSERVATIONS, 0, key, value)));
            producer.flush();
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The dead letters whose key starts with {@code keyPrefix}, by key, once {@code expected} arrived or patience ran out. */
    static Map<String, ConsumerRecord<String, byte[]>> deadLetters(String keyPrefix, int expected, Duration patience) {
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            long deadline = System.nanoTime() + patience.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(keyPrefix)) {
                        found.put(record.key(), record);
                    }
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

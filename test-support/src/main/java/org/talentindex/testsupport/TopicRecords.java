package org.talentindex.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Every committed record of a topic, from its beginning up to its end as it stands when read. */
public final class TopicRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicRecords() {
    }

    public static List<ConsumerRecord<String, String>> upToTheEnd(String bootstrapServers, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** The framework-period ({@code frameworkId/period}) of every record, read from its value (a CloudEvent's from its data). */
    public static List<String> frameworkPeriods(String bootstrapServers, String topic) {
        return upToTheEnd(bootstrapServers, topic).stream().map(record -> frameworkPeriod(record.value())).toList();
    }

    /** {@code frameworkId/period} of an indicator-updates, score-updates or index-reports value. */
    public static String frameworkPeriod(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            JsonNode subject = node.has("data") ? node.path("data") : node;
            return subject.path("frameworkId").asText() + "/" + subject.path("period").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + value, e);
        }
    }
}

package org.talentindex.scoring.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The events at the end of a topic, as (framework-period, version) pairs. The relay publishes in order and deletes after the
 * acknowledgement, so after a crash only the oldest outbox events can already be on the topic; reading as many records
 * from the end of each partition tells which.
 */
final class PublishedTail {

    private PublishedTail() {
    }

    static Set<String> read(Map<String, Object> brokerConfig, String topic, int recordsPerPartition, ObjectMapper json) {
        Map<String, Object> config = new HashMap<>(brokerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> published = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(0, ends.get(partition) - recordsPerPartition));
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    published.add(identityOf(record.value(), json));
                }
            }
        }
        return published;
    }

    /** frameworkId/period#version of a score-updates event (the record key names the framework alone). */
    static String identityOf(byte[] payload, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(payload);
            return node.path("frameworkId").asText() + "/" + node.path("period").asText() + "#" + node.path("version").asLong(-1);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}

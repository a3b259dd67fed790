package org.talentindex.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.talentindex.testsupport.LocalInfrastructure;

/** Reads index-reports from the start as a downstream consumer would. */
final class IndexReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexReports() {
    }

    /**
     * The report data of every record of a key, in order, until the one at the given version has been read and the topic
     * has had a second more to show any later record.
     */
    static List<JsonNode> of(String key, long version) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "index-reports-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> reports = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long foundAt = 0;
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("index-reports"));
            while (System.nanoTime() < (foundAt == 0 ? deadline : foundAt + Duration.ofSeconds(1).toNanos())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode data = JSON.readTree(record.value()).path("data");
                    if (key.equals(record.key())) {
                        reports.add(data);
                        if (data.path("version").asLong() == version && foundAt == 0) {
                            foundAt = System.nanoTime();
                        }
                    }
                }
            }
        }
        if (foundAt == 0) {
            throw new AssertionError("No index report " + key + " at version " + version);
        }
        return reports;
    }
}

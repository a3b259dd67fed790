package org.talentindex.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalInfrastructureTest {

    @Test
    void brokerAndDatabaseServeRealTraffic() throws Exception {
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        Map<String, Object> producerConfig = Map.of("bootstrap.servers", infrastructure.bootstrapServers());
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("smoke", "key", "hello")).get();
        }
        Map<String, Object> consumerConfig = Map.of("bootstrap.servers", infrastructure.bootstrapServers(),
                "group.id", "smoke", "auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("smoke"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 20 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertEquals("hello", records.iterator().next().value());
        }

        Map<String, String> config = infrastructure.serviceConfig("smoke_db");
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
             ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
            rs.next();
            assertEquals("smoke_db", rs.getString(1));
        }
    }
}

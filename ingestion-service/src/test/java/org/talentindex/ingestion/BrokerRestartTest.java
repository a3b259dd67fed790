package org.talentindex.ingestion;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.talentindex.ingestion.ApiClients.asClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;

/**
 * Stops the shared embedded broker, so it runs after every other class (junit-platform.properties, {@code @Order}): while
 * Kafka is down uploads answer 503 quickly and health is still served; once it is back, what was stored is forwarded.
 */
@Order(Integer.MAX_VALUE)
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class BrokerRestartTest {

    private static final String HEADER = "region,indicator,period,value,unit,source\n";

    @Test
    void whileKafkaIsDownUploadsFailFastAndNothingAcceptedIsLost() {
        String run = UUID.randomUUID().toString();
        asClient().contentType("text/csv; charset=UTF-8").body(HEADER + row(1, run)).post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));

        LocalInfrastructure.shared().kafka().stop();
        try {
            long started = System.nanoTime();
            asClient().contentType("text/csv; charset=UTF-8").body(HEADER + row(2, run) + row(3, run)).post("/api/observations")
                    .then().statusCode(503).body("reason", equalTo("KAFKA_UNAVAILABLE"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(true, took.compareTo(Duration.ofSeconds(15)) < 0, "503 after " + took);
            RestAssured.get("/q/health").then().statusCode(anyOf(equalTo(200), equalTo(503)));
            RestAssured.get("/q/health/live").then().statusCode(200);
        } finally {
            LocalInfrastructure.shared().kafka().start();
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("indicator-observations", run, "{\"region\":\"130000\",\"indicator\":\"high_skill_talent\","
                    + "\"period\":\"2029\",\"value\":4,\"unit\":\"万人\",\"source\":\"restart " + run + "\"}"));
        }

        Set<Double> forwarded = forwardedValues(run, 4, Duration.ofSeconds(90));
        assertEquals(Set.of(1.0, 2.0, 3.0, 4.0), forwarded, "every accepted observation reaches indicator-updates");
        asClient().contentType("text/csv; charset=UTF-8").body(HEADER + row(5, run)).post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));
    }

    private static String row(int value, String run) {
        return "130000,high_skill_talent,2029," + value + ",万人,restart " + run + "\n";
    }

    private static Set<Double> forwardedValues(String run, int expected, Duration patience) {
        Set<Double> values = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("indicator-updates"));
            long deadline = System.nanoTime() + patience.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains("restart " + run)) {
                        values.add(io.restassured.path.json.JsonPath.from(record.value()).getDouble("value"));
                    }
                }
            }
        }
        return values;
    }
}

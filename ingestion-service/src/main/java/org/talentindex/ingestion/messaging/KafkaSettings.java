package org.talentindex.ingestion.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Client settings: every {@code kafka.*} property (bootstrap servers, security) plus what each client role needs. */
@ApplicationScoped
public class KafkaSettings {

    /** A poll batch is stored in one transaction and forwarded as one: larger batches spread the fixed cost per batch. */
    static final int MAX_POLL_RECORDS = 10_000;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @ConfigProperty(name = "talentindex.consumer.group-id")
    String groupId;

    /** The longest a fetch waits for {@link #fetchMinBytes} to arrive (application.properties says why). */
    @ConfigProperty(name = "talentindex.consumer.fetch-max-wait")
    Duration fetchMaxWait;

    @ConfigProperty(name = "talentindex.consumer.fetch-min-bytes")
    int fetchMinBytes;

    /** How long a send may take before the caller hears that Kafka did not take it (an upload then answers 503). */
    @ConfigProperty(name = "talentindex.forwarding.timeout", defaultValue = "10s")
    Duration deliveryTimeout;

    /** How long send() may block when Kafka's metadata is unknown or the buffer is full. */
    @ConfigProperty(name = "talentindex.forwarding.max-block", defaultValue = "3s")
    Duration maxBlock;

    /** The longest a caller waits for an acknowledgement: the delivery timeout plus the blocking time of send(). */
    public Duration acknowledgementWait() {
        return deliveryTimeout.plus(maxBlock).plusSeconds(1);
    }

    public Map<String, Object> producer(String clientId) {
        Map<String, Object> config = new HashMap<>(broker);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis() / 2);
        return config;
    }

    public Map<String, Object> consumer() {
        Map<String, Object> config = new HashMap<>(broker);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchMaxWait.toMillis());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, fetchMinBytes);
        return config;
    }
}

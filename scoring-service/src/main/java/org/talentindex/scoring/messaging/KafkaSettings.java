package org.talentindex.scoring.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.kafka.BurstPoll;
import org.talentindex.kafka.RecordCompression;

/** Client settings: every {@code kafka.*} property (bootstrap servers, security) plus what each client role needs. */
@ApplicationScoped
public class KafkaSettings {

    private static final int MAX_POLL_RECORDS = 5000;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @ConfigProperty(name = "talentindex.consumer.group-id")
    String groupId;

    /** The longest a fetch waits for {@link #fetchMinBytes} to arrive, and a burst to be polled (application.properties says why). */
    @ConfigProperty(name = "talentindex.consumer.fetch-max-wait")
    Duration fetchMaxWait;

    @ConfigProperty(name = "talentindex.consumer.fetch-min-bytes")
    int fetchMinBytes;

    @ConfigProperty(name = "talentindex.consumer.burst-gap")
    Duration burstGap;

    /** How the update consumer polls a burst of indicator updates as one batch. */
    public BurstPoll burstPoll() {
        return new BurstPoll(burstGap, fetchMaxWait, MAX_POLL_RECORDS);
    }

    public Map<String, Object> producer(String clientId) {
        Map<String, Object> config = new HashMap<>(broker);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, RecordCompression.CODEC);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
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
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}

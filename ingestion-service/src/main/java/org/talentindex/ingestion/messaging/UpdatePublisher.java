package org.talentindex.ingestion.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.ingestion.catalogue.Catalogue;
import org.talentindex.ingestion.repository.Observation;

/** Publishes accepted observations on indicator-updates: one record per framework that uses
 * the indicator, key frameworkId: every period of a framework on one partition, since a period's evaluation reads earlier ones. */
@ApplicationScoped
public class UpdatePublisher {

    @Inject
    KafkaSettings settings;

    @Inject
    Catalogue catalogue;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "talentindex.topics.updates")
    String topic;

    private KafkaProducer<String, byte[]> producer;
    private ObjectWriter updateWriter;

    @PostConstruct
    void start() {
        producer = new KafkaProducer<>(settings.producer("ingestion-updates"), new StringSerializer(), new ByteArraySerializer());
        updateWriter = json.writerFor(IndicatorUpdate.class);
    }

    @PreDestroy
    void stop() {
        producer.close();
    }

    /** Sends and waits for the broker's acknowledgement; throws if Kafka does not confirm in time. */
    public void publish(List<Observation> observations) throws ForwardingException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (Observation observation : observations) {
                for (String frameworkId : catalogue.frameworksFor(observation.indicator, observation.region, Integer.parseInt(observation.period))) {
                    sent.add(producer.send(new ProducerRecord<>(topic, frameworkId, updateWriter.writeValueAsBytes(IndicatorUpdate.of(observation, frameworkId)))));
                }
            }
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(settings.acknowledgementWait().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | JsonProcessingException | RuntimeException e) {
            throw new ForwardingException("Kafka did not accept the indicator updates: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForwardingException("Interrupted while forwarding", e);
        }
    }
}

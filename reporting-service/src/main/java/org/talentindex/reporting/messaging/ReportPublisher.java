package org.talentindex.reporting.messaging;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.kafka.RecordCompression;
import org.talentindex.reporting.repository.Report;

/** Publishes report documents on index-reports as structured-mode CloudEvents (JSON), key frameworkId/period. */
@ApplicationScoped
public class ReportPublisher {

    public static final String EVENT_TYPE = "org.talentindex.index-report.v1";

    /** Reports of one batch are sent together; lingering longer would only delay them. */
    private static final int LINGER_MS = 1;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @ConfigProperty(name = "talentindex.topics.reports")
    String topic;

    @ConfigProperty(name = "talentindex.reports.source")
    URI source;

    @ConfigProperty(name = "talentindex.reports.max-request-size")
    int maxRequestSize;

    private KafkaProducer<String, CloudEvent> producer;

    @PostConstruct
    void start() {
        Map<String, Object> config = new HashMap<>(broker);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "reporting-reports");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        // A 3,000-region report is over a megabyte of JSON: compressed, it fits the broker's default message size
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, RecordCompression.CODEC);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestSize);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED.name(),
                CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
        producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    @PreDestroy
    void stop() {
        producer.close();
    }

    /** Sends every report at once and returns when Kafka has acknowledged them all. */
    public void publish(Collection<Report> reports) throws Exception {
        List<Future<RecordMetadata>> sent = send(reports);
        producer.flush();
        awaitAcknowledgements(sent);
    }

    /** Sends every report without waiting; the records leave within the linger time. */
    public List<Future<RecordMetadata>> send(Collection<Report> reports) {
        return reports.stream().map(this::send).toList();
    }

    /** Returns when Kafka has acknowledged every record; throws the first failure. */
    public void awaitAcknowledgements(List<Future<RecordMetadata>> sent) throws Exception {
        for (Future<RecordMetadata> acknowledgement : sent) {
            acknowledgement.get(30, TimeUnit.SECONDS);
        }
    }

    private Future<RecordMetadata> send(Report report) {
        String key = report.frameworkId + "/" + report.period;
        CloudEvent event = CloudEventBuilder.v1()
                .withId(key + "/v" + report.version)
                .withSource(source)
                .withType(EVENT_TYPE)
                .withSubject(key)
                .withTime(report.generatedAt)
                .withDataContentType("application/json")
                .withDataSchema(URI.create("https://talentindex.org/contracts/index-report.schema.json"))
                .withExtension("reportversion", report.version)
                .withData(documentAsData(report.document))
                .build();
        return producer.send(new ProducerRecord<>(topic, key, event));
    }

    /**
     * The document as JSON the event format writes as it is: given as bytes, it would be decoded to a string and copied to
     * characters before being written.
     */
    private static JsonCloudEventData documentAsData(String document) {
        return JsonCloudEventData.wrap(JsonNodeFactory.instance.rawValueNode(new RawValue(document)));
    }
}

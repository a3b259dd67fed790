package org.talentindex.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends observations on indicator-observations (end to end) or indicator updates on indicator-updates (scoring only).
 * Observations are keyed by cell, so repeated figures for one cell stay in order and the last one sent is the one that
 * counts.
 */
final class LoadProducer implements AutoCloseable {

    static final String OBSERVATIONS = "indicator-observations";
    static final String UPDATES = "indicator-updates";

    private final KafkaProducer<String, byte[]> producer;
    private final ProduceLog produceLog;

    LoadProducer(String bootstrapServers, ProduceLog produceLog) {
        this.produceLog = produceLog;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    void sendObservation(CellModel model, int period, int region, int indicator) {
        SyntheticFramework framework = model.framework();
        double value = model.nextValue(period, region, indicator);
        long sequence = produceLog.nextSequence();
        String regionCode = framework.regionCode(region);
        String indicatorCode = framework.indicatorCode(indicator);
        String body = observationJson(produceLog.id(sequence), regionCode, indicatorCode, period, value);
        produceLog.sentCellValue(ProduceLog.cellValue(framework.id(), Integer.toString(period), regionCode, indicatorCode, value),
                sequence);
        send(sequence, OBSERVATIONS, regionCode + "/" + indicatorCode + "/" + period, body);
    }

    /** An observation as the contract describes it, about 200 bytes. */
    static String observationJson(String observationId, String region, String indicator, int period, double value) {
        return "{\"observationId\":\"" + observationId + "\",\"region\":\"" + region + "\",\"indicator\":\"" + indicator
                + "\",\"period\":\"" + period + "\",\"value\":" + value + ",\"unit\":\"" + SyntheticFramework.UNIT
                + "\",\"source\":\"load-generator\"}";
    }

    void sendUpdate(CellModel model, int period, int region, int indicator) {
        SyntheticFramework framework = model.framework();
        double value = model.nextValue(period, region, indicator);
        int revision = model.nextRevision(period, region, indicator);
        long sequence = produceLog.nextSequence();
        String body = "{\"updateId\":\"" + produceLog.id(sequence) + "\",\"frameworkId\":\"" + framework.id()
                + "\",\"period\":\"" + period + "\",\"region\":\"" + framework.regionCode(region)
                + "\",\"indicator\":\"" + framework.indicatorCode(indicator) + "\",\"value\":" + value
                + ",\"unit\":\"" + SyntheticFramework.UNIT + "\",\"revision\":" + revision
                + ",\"source\":\"load-generator\",\"receivedAt\":\"" + Instant.now() + "\"}";
        send(sequence, UPDATES, framework.key(period), body);
    }

    private void send(long sequence, String topic, String key, String body) {
        produceLog.producing(sequence);
        producer.send(new ProducerRecord<>(topic, key, body.getBytes(StandardCharsets.UTF_8)), (metadata, error) -> {
            if (error != null) {
                System.err.println("Send failed: " + error);
            }
        });
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}

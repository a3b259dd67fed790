package org.talentindex.kafka;

/**
 * The codec of every compressed topic the platform writes (score-updates, index-reports). gzip is the codec that the
 * Java client, kafka-python, confluent-kafka and kafkajs all read without an extra codec package; lz4 and snappy need
 * one in kafkajs, zstd in kafkajs and kafka-python.
 */
public final class RecordCompression {

    public static final String CODEC = "gzip";

    private RecordCompression() {
    }
}

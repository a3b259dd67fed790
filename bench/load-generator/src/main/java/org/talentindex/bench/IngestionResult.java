package org.talentindex.bench;

/**
 * One ingestion measurement: {@code records} observations stored and forwarded in {@code seconds}; CPU of ingestion and
 * of PostgreSQL in percent of one core, machine busy in percent of one core (up to 100 × cores), load average at the
 * start and the end of the measurement.
 */
record IngestionResult(String name, String door, String how, long records, long forwarded, double seconds,
                       double perSecond, double ingestionCpuPercent, double ingestionRssMegabytes, double postgresCpuPercent,
                       double machineBusyPercent, String loadAverageAtStart, String loadAverageAtEnd) {
}

package org.talentindex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.NewTopic;
import org.talentindex.testsupport.EmbeddedKafkaBroker;

/**
 * Kafka's own ProducerPerformance and ConsumerPerformance (kafka-tools from Maven Central, the broker's version), each in
 * a JVM of its own against the broker under test, on a topic with as many partitions as the pipeline's topics.
 */
final class KafkaPerfTools {

    /**
     * Whole-run figures, and the producer's once warm: ProducerPerformance starts in a JVM of its own, which produces at
     * about half speed during its first five-second report while it compiles, and the pipeline it is compared with is
     * measured warm.
     */
    record RawThroughput(long records, int recordBytes, double producedPerSecond, double producedMegabytesPerSecond,
                         double warmProducedPerSecond, double consumedPerSecond, double consumedMegabytesPerSecond,
                         String producerSummary) {
    }

    private static final Pattern PRODUCER_SUMMARY =
            Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\).*");
    /** A five-second report of ProducerPerformance (the final summary goes on after "max latency" with percentiles). */
    private static final Pattern PRODUCER_REPORT =
            Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\([\\d.]+ MB/sec\\), [\\d.]+ ms avg latency, [\\d.]+ ms max latency\\.");

    private KafkaPerfTools() {
    }

    static RawThroughput measure(String bootstrapServers, String topic, int partitions, long records, int recordBytes)
            throws IOException, InterruptedException {
        EmbeddedKafkaBroker.createTopics(bootstrapServers, List.of(new NewTopic(topic, partitions, (short) 1)));
        List<String> producerOutput = run("org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--record-size", Integer.toString(recordBytes),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "linger.ms=5");
        String summary = producerOutput.stream().filter(l -> PRODUCER_SUMMARY.matcher(l).matches()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("ProducerPerformance printed no summary: " + producerOutput));
        Matcher produced = PRODUCER_SUMMARY.matcher(summary);
        produced.matches();
        List<String> consumerOutput = run("org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", topic, "--messages", Long.toString(records),
                "--timeout", "30000");
        String[] consumed = consumerOutput.stream().filter(l -> l.matches("^\\d{4}-.*")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("ConsumerPerformance printed no figures: " + consumerOutput))
                .split(",\\s*");
        double producedPerSecond = Double.parseDouble(produced.group(2));
        return new RawThroughput(records, recordBytes, producedPerSecond, Double.parseDouble(produced.group(3)),
                warmProducedPerSecond(producerOutput, records, producedPerSecond), Double.parseDouble(consumed[5]),
                Double.parseDouble(consumed[3]), summary.trim());
    }

    /**
     * The records produced after the first five-second report, divided by their time (the run's time less the report's);
     * the whole run's rate when it ended before a first report.
     */
    static double warmProducedPerSecond(List<String> producerOutput, long records, double producedPerSecond) {
        Matcher first = producerOutput.stream().map(PRODUCER_REPORT::matcher).filter(Matcher::matches).findFirst().orElse(null);
        if (first == null) {
            return producedPerSecond;
        }
        long firstRecords = Long.parseLong(first.group(1));
        double laterSeconds = records / producedPerSecond - firstRecords / Double.parseDouble(first.group(2));
        return laterSeconds > 0 ? (records - firstRecords) / laterSeconds : producedPerSecond;
    }

    private static List<String> run(String mainClass, String... arguments) throws IOException, InterruptedException {
        Process process = ChildJvm.of(List.of("-Xmx512m"), mainClass, List.of(arguments)).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " failed: " + lines);
        }
        return lines;
    }
}

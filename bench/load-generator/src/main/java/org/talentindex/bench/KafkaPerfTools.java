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

    record RawThroughput(long records, int recordBytes, double producedPerSecond, double producedMegabytesPerSecond,
                         double consumedPerSecond, double consumedMegabytesPerSecond, String producerSummary) {
    }

    private static final Pattern PRODUCER_SUMMARY =
            Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\).*");

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
        return new RawThroughput(records, recordBytes, Double.parseDouble(produced.group(2)),
                Double.parseDouble(produced.group(3)), Double.parseDouble(consumed[5]), Double.parseDouble(consumed[3]),
                summary.trim());
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

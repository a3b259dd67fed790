package org.talentindex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** latest.md (the tables printed at the end) and latest.json (the same figures, for tools). */
final class ResultsWriter {

    private ResultsWriter() {
    }

    static void write(Summary summary, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("latest.md"), markdown(summary));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("latest.json").toFile(), summary);
    }

    static String markdown(Summary summary) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        summary.machine().forEach((name, value) -> md.append("- ").append(name).append(": ").append(value).append('\n'));
        if (summary.raw() != null) {
            KafkaPerfTools.RawThroughput raw = summary.raw();
            md.append(String.format("%n## Raw Kafka (same broker, same run; %,d records of %d bytes, 4 partitions)%n%n", raw.records(), raw.recordBytes()));
            md.append("| tool | records/s | MB/s |\n|---|---:|---:|\n");
            md.append(String.format("| ProducerPerformance (acks=all), whole run | %,.0f | %.1f |%n", raw.producedPerSecond(), raw.producedMegabytesPerSecond()));
            md.append(String.format("| ProducerPerformance (acks=all), warm: after its first 5-second report | %,.0f | %.1f |%n",
                    raw.warmProducedPerSecond(), raw.warmProducedPerSecond() * raw.recordBytes() / (1024 * 1024)));
            md.append(String.format("| ConsumerPerformance | %,.0f | %.1f |%n", raw.consumedPerSecond(), raw.consumedMegabytesPerSecond()));
        }
        if (!summary.scenarios().isEmpty()) {
            appendScenarios(md, summary.scenarios());
        }
        if (!summary.speedUps().isEmpty()) {
            appendSpeedUps(md, summary.speedUps());
        }
        if (!summary.ingestion().isEmpty()) {
            appendIngestion(md, summary.ingestion());
        }
        md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (Summary.Target t : summary.targets()) {
            md.append("| ").append(t.target()).append(" | ").append(t.measured()).append(" | ").append(t.met() ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }

    private static void appendScenarios(StringBuilder md, List<ScenarioResult> scenarios) {
        md.append("\n## Scenarios\n\nThroughput: observations reflected downstream ÷ time from the first produce to the last reflection. ")
                .append("Latency: produce → arrival of the first index report (end to end) or score update (scoring only) that includes the observation.\n\n");
        md.append("| stage | scenario | framework | rate | sent | reflected | s | throughput/s | p50 ms | p95 ms | p99 ms | max ms | verified |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult s : scenarios) {
            md.append(String.format("| %s | %s | %s | %s | %,d | %,d | %.1f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %s |%n",
                    s.stage(), s.name(), s.framework(), s.targetRate() > 0 ? String.format("%,d/s", s.targetRate()) : "max",
                    s.produced(), s.reflected(), s.seconds(), s.throughput(), s.p50(), s.p95(), s.p99(), s.max(), s.verified()));
        }
        md.append("\n## Where the time goes: latency from produce to each topic, p50 / p99 (ms)\n\n");
        md.append("| scenario | → indicator-updates (ingestion) | → score-updates (scoring) | → index-reports (reporting) |\n|---|---:|---:|---:|\n");
        for (ScenarioResult s : scenarios) {
            md.append(String.format("| %s | %s | %,.0f / %,.0f | %s |%n", s.name(),
                    s.stage().equals(BenchmarkSuite.END_TO_END) ? String.format("%,.0f / %,.0f", s.forwardedP50(), s.forwardedP99()) : "–",
                    s.scoredP50(), s.scoredP99(),
                    s.stage().equals(BenchmarkSuite.END_TO_END) ? String.format("%,.0f / %,.0f", s.p50(), s.p99()) : "–"));
        }
        md.append("\n## CPU (% of one core) and peak RSS (MB) per process, per scenario\n\n");
        List<String> processes = List.copyOf(scenarios.get(0).usage().keySet());
        md.append("| scenario |");
        processes.forEach(p -> md.append(' ').append(p).append(" |"));
        md.append(" machine busy |\n|---|");
        processes.forEach(p -> md.append("---:|"));
        md.append("---:|\n");
        for (ScenarioResult s : scenarios) {
            md.append("| ").append(s.name()).append(" |");
            for (String process : processes) {
                ProcessSampler.Usage usage = s.usage().get(process);
                md.append(usage == null ? " – |" : String.format(" %.0f%% / %.0f |", usage.cpuPercent(), usage.rssMegabytes()));
            }
            md.append(String.format(" %.0f%% |%n", s.machineBusyPercent()));
        }
    }

    private static void appendSpeedUps(StringBuilder md, List<SpeedUp> speedUps) {
        md.append("\n## Incremental vs full recompute (scoring only, single-cell updates, each its own batch)\n\n")
                .append("Recompute time: scoring's `scoring.recompute` timer (mean per batch); latency: update produced → score update received.\n\n");
        md.append("| framework | batches incremental / full | recompute ms incremental | recompute ms full | speed-up | latency p50 / p99 ms incremental | latency p50 / p99 ms full |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (SpeedUp u : speedUps) {
            md.append(String.format("| %s | %,d / %,d | %.2f | %.2f | %.1f× | %,.0f / %,.0f | %,.0f / %,.0f |%n", u.framework(),
                    u.incrementalBatches(), u.fullBatches(), u.incrementalMillis(), u.fullMillis(), u.factor(),
                    u.incrementalStream().p50(), u.incrementalStream().p99(), u.fullStream().p50(), u.fullStream().p99()));
        }
    }

    private static void appendIngestion(StringBuilder md, List<IngestionResult> results) {
        md.append("\n## Ingestion (scoring and reporting not running)\n\n")
                .append("Observations validated, stored and forwarded to indicator-updates per second. ")
                .append("CPU in % of one core; machine busy in % of one core, all processes.\n\n");
        md.append("| door | measurement | how | observations | forwarded | s | observations/s | ingestion CPU | ingestion peak RSS MB | PostgreSQL CPU | machine busy | load average start → end |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (IngestionResult r : results) {
            md.append(String.format("| %s | %s | %s | %,d | %,d | %.1f | %,.0f | %.0f%% | %.0f | %.0f%% | %.0f%% | %s → %s |%n",
                    r.door(), r.name(), r.how(), r.records(), r.forwarded(), r.seconds(), r.perSecond(), r.ingestionCpuPercent(),
                    r.ingestionRssMegabytes(), r.postgresCpuPercent(), r.machineBusyPercent(), r.loadAverageAtStart(), r.loadAverageAtEnd()));
        }
    }
}

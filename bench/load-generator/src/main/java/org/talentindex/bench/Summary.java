package org.talentindex.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one run measured, and how it compares with the targets. */
record Summary(Map<String, String> machine, KafkaPerfTools.RawThroughput raw, List<ScenarioResult> scenarios,
               List<SpeedUp> speedUps, List<IngestionResult> ingestion, Double pipelineToRawRatio, List<Target> targets) {

    record Target(String target, String measured, boolean met) {
    }

    static Summary of(Map<String, String> machine, KafkaPerfTools.RawThroughput raw, List<ScenarioResult> scenarios,
                      List<SpeedUp> speedUps, String latencyScenario) {
        Optional<ScenarioResult> sustained = find(scenarios, "sustained maximum");
        Optional<ScenarioResult> latency = find(scenarios, latencyScenario);
        Double ratio = raw == null || sustained.isEmpty() ? null
                : sustained.get().throughput() / raw.warmProducedPerSecond();
        List<Target> targets = new ArrayList<>();
        sustained.ifPresent(s -> targets.add(new Target("≥ 10,000 observations/s end to end (" + s.framework() + ")",
                String.format("%,.0f/s", s.throughput()), s.throughput() >= 10_000)));
        latency.ifPresent(l -> targets.add(new Target("p99 ≤ 250 ms end to end at " + l.targetRate() + " observations/s",
                String.format("p99 %,.0f ms (achieved %,.0f/s)", l.p99(), l.throughput()), l.p99() <= 250)));
        if (ratio != null) {
            targets.add(new Target("pipeline ≥ 25% of raw Kafka throughput", String.format("%,.0f ÷ %,.0f (warm produce) = %.2f%%",
                    sustained.get().throughput(), raw.warmProducedPerSecond(), 100 * ratio), ratio >= 0.25));
        }
        scenarios.stream().filter(s -> s.stage().equals(BenchmarkSuite.SCORING_ONLY) && s.name().startsWith("scoring: sustained maximum"))
                .findFirst().ifPresent(s -> targets.add(new Target("scoring ≥ 20,000 updates/s (" + s.framework() + ")",
                        String.format("%,.0f/s", s.throughput()), s.throughput() >= 20_000)));
        scenarios.stream().filter(s -> s.stage().equals(BenchmarkSuite.SCORING_ONLY) && s.name().startsWith("scoring: latency at"))
                .findFirst().ifPresent(s -> targets.add(new Target("scoring p99 ≤ 100 ms at " + s.targetRate() + " updates/s",
                        String.format("p99 %,.0f ms (achieved %,.0f/s)", s.p99(), s.throughput()), s.p99() <= 100)));
        speedUps.forEach(u -> targets.add(new Target("incremental ≥ 10× faster than full recompute, single-cell updates (" + u.framework() + ")",
                String.format("%.2f ms vs %.2f ms = %.1f×", u.incrementalMillis(), u.fullMillis(), u.factor()), u.factor() >= 10)));
        return new Summary(machine, raw, scenarios, speedUps, List.of(), ratio, targets);
    }

    static Summary ofIngestion(Map<String, String> machine, KafkaPerfTools.RawThroughput raw, List<IngestionResult> ingestion) {
        List<Target> targets = new ArrayList<>();
        ingestion.stream().filter(i -> i.name().equals(IngestionBenchmark.WARM_DRAIN)).findFirst().ifPresent(kafka -> {
            double ratio = kafka.perSecond() / raw.warmProducedPerSecond();
            targets.add(new Target("ingestion from Kafka ≥ 50% of raw Kafka produce throughput (warm drain)",
                    String.format("%,.0f ÷ %,.0f (warm produce) = %.0f%%", kafka.perSecond(), raw.warmProducedPerSecond(), 100 * ratio), ratio >= 0.5));
        });
        return new Summary(machine, raw, List.of(), List.of(), ingestion, null, targets);
    }

    private static Optional<ScenarioResult> find(List<ScenarioResult> scenarios, String name) {
        return scenarios.stream().filter(s -> s.stage().equals(BenchmarkSuite.END_TO_END) && s.name().equals(name)).findFirst();
    }
}

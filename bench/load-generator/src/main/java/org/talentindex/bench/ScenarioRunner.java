package org.talentindex.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a workload (paced, or as fast as the pipeline keeps up with a bounded backlog), waits until every observation is
 * reflected downstream or progress stops, and turns the bookkeeping into a {@link ScenarioResult}.
 */
final class ScenarioRunner {

    private static final long STALL_NANOS = 20_000_000_000L;

    private final ProduceLog produceLog;
    private final LoadProducer producer;
    private final ResultWatcher watcher;
    private final ProcessSampler sampler;
    private final int drainTimeoutSeconds;
    private final Path timelineFile;

    /** Paced scenarios append their {@link Timeline} to {@code timelineFile}. */
    ScenarioRunner(ProduceLog produceLog, LoadProducer producer, ResultWatcher watcher, ProcessSampler sampler,
                   int drainTimeoutSeconds, Path timelineFile) {
        this.produceLog = produceLog;
        this.producer = producer;
        this.watcher = watcher;
        this.sampler = sampler;
        this.drainTimeoutSeconds = drainTimeoutSeconds;
        this.timelineFile = timelineFile;
    }

    record Plan(String name, String stage, String framework, String pattern, int rate, int seconds, int backlogLimit) {
    }

    ScenarioResult run(Plan plan, Workload workload, Supplier<String> verification) throws InterruptedException {
        System.out.printf("== %s: %s%n", plan.name(), plan.pattern());
        ProcessSampler.Mark mark = sampler.mark();
        Measurement measurement = produceLog.begin(plan.name(), plan.rate() > 0);
        Pacer pacer = new Pacer(plan.rate());
        long deadline = plan.seconds() > 0 ? System.nanoTime() + plan.seconds() * 1_000_000_000L : Long.MAX_VALUE;
        long sent = 0;
        while (System.nanoTime() < deadline) {
            pacer.awaitTurn();
            while (plan.backlogLimit() > 0 && sent - measurement.reflectedCount() >= plan.backlogLimit()) {
                Thread.sleep(1);
                watcher.checkHealthy();
            }
            if (!workload.sendNext()) {
                break;
            }
            sent++;
        }
        producer.flush();
        produceLog.end();
        drain(measurement);
        if (measurement.timeline != null) {
            appendTimeline(measurement.timeline, plan.name());
        }
        Map<String, ProcessSampler.Usage> usage = sampler.usageSince(mark);
        double busy = sampler.machineBusyPercentSince(mark);
        return result(plan, measurement, verification.get(), usage, busy);
    }

    private void appendTimeline(Timeline timeline, String scenario) {
        try {
            timeline.appendTo(timelineFile, scenario);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain(Measurement measurement) throws InterruptedException {
        long deadline = System.nanoTime() + drainTimeoutSeconds * 1_000_000_000L;
        long lastCount = -1;
        long lastProgress = System.nanoTime();
        while (measurement.reflectedCount() < measurement.producedCount() && System.nanoTime() < deadline) {
            watcher.checkHealthy();
            long count = measurement.reflectedCount();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = System.nanoTime();
            } else if (count > 0 && System.nanoTime() - lastProgress > STALL_NANOS) {
                break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(300);
    }

    private static ScenarioResult result(Plan plan, Measurement m, String verified, Map<String, ProcessSampler.Usage> usage,
                                         double busy) {
        double seconds = Math.max(1e-9, (Math.max(m.lastReflectedNanos(), m.lastProducedNanos()) - m.firstProducedNanos()) / 1e9);
        LatencyRecorder l = m.latencies;
        ScenarioResult result = new ScenarioResult(plan.name(), plan.stage(), plan.framework(), plan.pattern(), plan.rate(),
                m.producedCount(), m.reflectedCount(), seconds, m.reflectedCount() / seconds,
                millis(l.percentile(50)), millis(l.percentile(95)), millis(l.percentile(99)), millis(l.max()),
                millis(m.forwarded.percentile(50)), millis(m.forwarded.percentile(99)),
                millis(m.scored.percentile(50)), millis(m.scored.percentile(99)), verified, usage, busy);
        System.out.printf("   %d produced, %d reflected in %.1f s: %.0f/s; p50 %.0f ms, p99 %.0f ms, max %.0f ms; %s%n",
                result.produced(), result.reflected(), seconds, result.throughput(), result.p50(), result.p99(), result.max(),
                verified);
        return result;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}

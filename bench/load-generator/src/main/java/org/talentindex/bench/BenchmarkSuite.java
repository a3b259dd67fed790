package org.talentindex.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The scenarios, in order: yearbook releases (one burst per period) to fill the framework, a warm-up under full load
 * (the JVMs' just-in-time compilers otherwise take a core's worth of CPU during the first minutes), a rehearsal of the
 * measured scenarios (low rates take code paths the warm-up does not, which are compiled, and recompiled after
 * deoptimisations, while they run), then the measured ones: a trickle of corrections, revisions at the latency rate,
 * revisions as fast as the pipeline sustains (lightest load first, so that no scenario inherits the backlog of a
 * heavier one); then, with ingestion and reporting stopped, the same against scoring alone (indicator-updates →
 * score-updates) for the same size and for a large framework. Raw Kafka is measured after all of them (see
 * LoadGenerator), on a broker as warm as the pipeline, so that the 600 MB it writes in seconds are not written back to
 * disk during a measured scenario.
 */
final class BenchmarkSuite {

    static final String END_TO_END = "end-to-end";
    static final String SCORING_ONLY = "scoring-only";
    static final String WARM_UP = "warm-up (not measured against a target)";
    static final String REHEARSAL = ", rehearsal (not measured against a target)";

    private final BenchSettings settings;
    private final ScenarioRunner runner;
    private final LoadProducer producer;
    private final ResultWatcher watcher;
    /** What was sent per framework, kept across scenarios: later revisions follow the earlier ones. */
    private final Map<String, CellModel> models = new HashMap<>();

    BenchmarkSuite(BenchSettings settings, ScenarioRunner runner, LoadProducer producer, ResultWatcher watcher) {
        this.settings = settings;
        this.runner = runner;
        this.producer = producer;
        this.watcher = watcher;
    }

    static List<Integer> periods(int count) {
        return IntStream.range(0, count).map(i -> 2020 + i).boxed().toList();
    }

    /** The yearbook releases that fill the framework, then the warm-up. */
    List<ScenarioResult> endToEndFillAndWarmUp(SyntheticFramework framework) throws InterruptedException {
        CellModel model = model(framework);
        Workload.CellSender send = producer::sendObservation;
        List<Integer> periods = periods(settings.periods());
        List<ScenarioResult> results = new ArrayList<>();
        for (int period : periods) {
            results.add(runner.run(new ScenarioRunner.Plan("yearbook release " + period, END_TO_END, framework.id(),
                            "burst: all " + framework.regions() * framework.indicators() + " cells of one period, as fast as possible",
                            0, 0, 0),
                    Workload.yearbookRelease(model, period, send), () -> verifyReports(model, List.of(period))));
        }
        if (settings.warmUpSeconds() > 0) {
            results.add(runner.run(new ScenarioRunner.Plan(WARM_UP, END_TO_END, framework.id(),
                            "uniform revisions, as fast as possible, backlog ≤ " + settings.backlogLimit()
                                    + ": every process compiles its hot paths before the measured scenarios",
                            0, settings.warmUpSeconds(), settings.backlogLimit()),
                    Workload.randomRevisions(model, periods, send), () -> verifyReports(model, periods)));
        }
        return results;
    }

    /**
     * The measured scenarios, lightest load first, after {@link #endToEndFillAndWarmUp}; a rehearsal runs the same under
     * names no target is judged on.
     */
    List<ScenarioResult> endToEnd(SyntheticFramework framework, boolean rehearsal) throws InterruptedException {
        String suffix = rehearsal ? REHEARSAL : "";
        CellModel model = model(framework);
        Workload.CellSender send = producer::sendObservation;
        List<Integer> periods = periods(settings.periods());
        List<ScenarioResult> results = new ArrayList<>();
        results.add(runner.run(new ScenarioRunner.Plan("trickle of corrections" + suffix, END_TO_END, framework.id(),
                        "corrections to earlier periods at a low rate", settings.trickleRate(), settings.trickleSeconds(), 0),
                Workload.randomRevisions(model, periods.subList(0, Math.max(1, periods.size() - 1)), send),
                () -> verifyReports(model, periods)));
        results.add(runner.run(new ScenarioRunner.Plan("latency at " + settings.latencyRate() + "/s" + suffix, END_TO_END, framework.id(),
                        "uniform revisions at a fixed rate", settings.latencyRate(), settings.latencySeconds(), 0),
                Workload.randomRevisions(model, periods, send), () -> verifyReports(model, periods)));
        results.add(runner.run(new ScenarioRunner.Plan("sustained maximum" + suffix, END_TO_END, framework.id(),
                        "uniform revisions, as fast as possible, backlog ≤ " + settings.backlogLimit(),
                        0, settings.sustainedSeconds(), settings.backlogLimit()),
                Workload.randomRevisions(model, periods, send), () -> verifyReports(model, periods)));
        return results;
    }

    List<ScenarioResult> scoringOnly(SyntheticFramework framework, int periodCount, int sustainedSeconds, boolean latency)
            throws InterruptedException {
        CellModel model = model(framework);
        Workload.CellSender send = producer::sendUpdate;
        List<Integer> periods = periods(periodCount);
        List<ScenarioResult> results = new ArrayList<>();
        for (int period : periods) {
            results.add(runner.run(new ScenarioRunner.Plan("scoring: release " + period + " (" + label(framework) + ")",
                            SCORING_ONLY, framework.id(), "burst: all cells of one period as indicator updates", 0, 0, 0),
                    Workload.yearbookRelease(model, period, send), () -> verifyUpdates(model, List.of(period))));
        }
        results.add(runner.run(new ScenarioRunner.Plan("scoring: sustained maximum (" + label(framework) + ")", SCORING_ONLY,
                        framework.id(), "uniform revisions, as fast as possible, backlog ≤ " + settings.backlogLimit(),
                        0, sustainedSeconds, settings.backlogLimit()),
                Workload.randomRevisions(model, periods, send), () -> verifyUpdates(model, periods)));
        if (latency) {
            results.add(runner.run(new ScenarioRunner.Plan("scoring: latency at " + settings.latencyRate() + "/s (" + label(framework) + ")",
                            SCORING_ONLY, framework.id(), "uniform revisions at a fixed rate", settings.latencyRate(),
                            Math.min(20, settings.latencySeconds()), 0),
                    Workload.randomRevisions(model, periods, send), () -> verifyUpdates(model, periods)));
        }
        return results;
    }

    /** One update at a time (each its own batch), at a low rate, over periods the framework already holds. */
    ScenarioResult singleCellStream(SyntheticFramework framework, String mode) throws InterruptedException {
        CellModel model = model(framework);
        List<Integer> periods = periods(1);
        return runner.run(new ScenarioRunner.Plan("scoring: single-cell stream, " + mode + " (" + label(framework) + ")", SCORING_ONLY,
                        framework.id(), "one revision at a time, " + settings.singleCellRate() + "/s", settings.singleCellRate(),
                        settings.singleCellSeconds(), 1),
                Workload.randomRevisions(model, periods, producer::sendUpdate), () -> verifyUpdates(model, periods));
    }

    private CellModel model(SyntheticFramework framework) {
        return models.computeIfAbsent(framework.id(), id -> new CellModel(framework));
    }

    static String label(SyntheticFramework framework) {
        return framework.regions() + "×" + framework.indicators();
    }

    private String verifyReports(CellModel model, List<Integer> periods) {
        return Verification.check(model, periods, watcher::latestReportScores);
    }

    private String verifyUpdates(CellModel model, List<Integer> periods) {
        return Verification.check(model, periods, watcher::latestUpdateScores);
    }
}

package org.talentindex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.talentindex.localstack.Stack;
import org.talentindex.testsupport.LocalInfrastructure;

/**
 * Starts the stack on synthetic frameworks (embedded Kafka and PostgreSQL, or the external ones named by
 * TALENTINDEX_KAFKA_BOOTSTRAP_SERVERS / TALENTINDEX_POSTGRES_URL; the embedded PostgreSQL durable, as a deployment's, unless
 * TALENTINDEX_POSTGRES_DURABLE is false), runs the scenarios, measures raw Kafka after them with
 * the services stopped or idle, prints the tables and writes latest.md and latest.json (and latency-timeline.csv, every
 * observation of the paced scenarios over time). Settings: see {@link BenchSettings}.
 */
public final class LoadGenerator {

    private static final int FIRST_DECLARED_PERIOD = 2000;
    private static final int LAST_DECLARED_PERIOD = 2040;
    private static final int INGESTION_REGIONS = 1000;
    private static final int INGESTION_INDICATORS = 100;
    private static final String SCORING = "scoring-service";
    private static final String TIMELINE_FILE = "latency-timeline.csv";

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path home = Stack.projectHome();
        BenchSettings settings = BenchSettings.from(args, home);
        String runId = "bench" + System.currentTimeMillis();
        Path work = Files.createTempDirectory("talentindex-bench");
        Map<String, String> machine = MachineDescription.describe();
        Summary summary;
        try (BrokerProcess broker = embeddedKafka() ? BrokerProcess.start(work.resolve("kafka")) : null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(broker, work), "bench-clean-up"));
            Map<String, Long> harness = new LinkedHashMap<>();
            if (broker != null) {
                System.setProperty(LocalInfrastructure.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers());
                harness.put("kafka broker", broker.pid());
            }
            harness.put("load generator", ProcessHandle.current().pid());
            summary = settings.ingestionOnly() ? ingestion(settings, runId, work, machine)
                    : suite(settings, runId, work, machine, harness);
        }
        ResultsWriter.write(summary, settings.output());
        System.out.println();
        System.out.println(ResultsWriter.markdown(summary));
        System.out.println("Written to " + settings.output().resolve("latest.md") + " and latest.json");
    }

    private static Summary suite(BenchSettings settings, String runId, Path work, Map<String, String> machine,
                                 Map<String, Long> harness) throws Exception {
        Path frameworks = work.resolve("frameworks");
        SyntheticFramework endToEnd = SyntheticFramework.of("bench-e2e", settings.regions(), settings.indicators(),
                FIRST_DECLARED_PERIOD, LAST_DECLARED_PERIOD);
        SyntheticFramework scoringSmall = SyntheticFramework.of("bench-scoring", settings.regions(), settings.indicators(),
                FIRST_DECLARED_PERIOD, LAST_DECLARED_PERIOD);
        SyntheticFramework scoringLarge = SyntheticFramework.of("bench-scoring", settings.largeRegions(), settings.largeIndicators(),
                FIRST_DECLARED_PERIOD, LAST_DECLARED_PERIOD);
        endToEnd.writeTo(frameworks);
        if (settings.scoringOnly()) {
            scoringSmall.writeTo(frameworks);
            scoringLarge.writeTo(frameworks);
        }

        KafkaPerfTools.RawThroughput raw;
        List<ScenarioResult> results = new ArrayList<>();
        List<SpeedUp> speedUps = new ArrayList<>();
        List<String> services = settings.endToEnd() ? Stack.SERVICES : List.of(SCORING);
        try (Stack stack = Stack.start(work.resolve("stack"), frameworks, services, System.out::println)) {
            Map<String, Long> pids = new LinkedHashMap<>();
            services.forEach(service -> pids.put(service, stack.service(service).pid()));
            pids.putAll(harness);
            ProduceLog produceLog = new ProduceLog(runId, 10_000_000);
            try (ProcessSampler sampler = new ProcessSampler(pids, work.resolve("stack").toString());
                 LoadProducer producer = new LoadProducer(stack.bootstrapServers(), produceLog);
                 ResultWatcher watcher = new ResultWatcher(stack.bootstrapServers(), produceLog,
                         Set.of(scoringSmall.id(), scoringLarge.id()))) {
                ScenarioRunner runner = new ScenarioRunner(produceLog, producer, watcher, sampler, settings.drainTimeoutSeconds(),
                        timelineFile(settings));
                BenchmarkSuite suite = new BenchmarkSuite(settings, runner, producer, watcher);
                if (settings.endToEnd()) {
                    results.addAll(suite.endToEndFillAndWarmUp(endToEnd));
                }
                if (settings.endToEnd()) {
                    results.addAll(suite.endToEnd(endToEnd, true));
                    results.addAll(suite.endToEnd(endToEnd, false));
                    stack.service("ingestion-service").close();
                    stack.service("reporting-service").close();
                }
                if (settings.scoringOnly()) {
                    results.addAll(suite.scoringOnly(scoringSmall, settings.periods(), settings.sustainedSeconds() / 2, true));
                    results.addAll(suite.scoringOnly(scoringLarge, 1, settings.largeSeconds(), false));
                    speedUps.add(speedUp(stack, suite, scoringLarge));
                }
                raw = measureRawKafka(stack, settings, runId);
            }
        }
        describeEnd(machine);
        return Summary.of(machine, raw, results, speedUps, "latency at " + settings.latencyRate() + "/s");
    }

    /**
     * The same single-cell stream against scoring incremental (warm from the scenarios before), then restarted to
     * recompute from scratch per batch: a first stream loads the state and warms the JIT, the second one counts.
     */
    private static SpeedUp speedUp(Stack stack, BenchmarkSuite suite, SyntheticFramework framework) throws Exception {
        RecomputeTimer.Reading before = new RecomputeTimer(stack.service(SCORING).managementUrl()).read();
        ScenarioResult incremental = suite.singleCellStream(framework, "incremental");
        RecomputeTimer.Reading incrementalTime = new RecomputeTimer(stack.service(SCORING).managementUrl()).read().since(before);
        stack.restart(SCORING, Map.of("talentindex.scoring.incremental", "false"));
        suite.singleCellStream(framework, "full recompute, warm-up (not counted)");
        RecomputeTimer fullTimer = new RecomputeTimer(stack.service(SCORING).managementUrl());
        before = fullTimer.read();
        ScenarioResult full = suite.singleCellStream(framework, "full recompute");
        RecomputeTimer.Reading fullTime = fullTimer.read().since(before);
        SpeedUp speedUp = new SpeedUp(BenchmarkSuite.label(framework), (long) incrementalTime.count(), incrementalTime.meanMillis(),
                (long) fullTime.count(), fullTime.meanMillis(), incremental, full);
        System.out.printf("   incremental %.2f ms, full %.2f ms per recompute: %.1f× faster%n", speedUp.incrementalMillis(),
                speedUp.fullMillis(), speedUp.factor());
        return speedUp;
    }

    /** Ingestion alone, then raw Kafka on the same broker with ingestion stopped: see {@link IngestionBenchmark}. */
    private static Summary ingestion(BenchSettings settings, String runId, Path work, Map<String, String> machine) throws Exception {
        Path frameworks = work.resolve("frameworks");
        SyntheticFramework framework = SyntheticFramework.of("bench-ingest", INGESTION_REGIONS, INGESTION_INDICATORS,
                FIRST_DECLARED_PERIOD, LAST_DECLARED_PERIOD);
        framework.writeTo(frameworks);
        KafkaPerfTools.RawThroughput raw;
        List<IngestionResult> results = new ArrayList<>();
        try (Stack stack = Stack.start(work.resolve("stack"), frameworks, List.of(IngestionBenchmark.INGESTION), System.out::println)) {
            IngestionBenchmark benchmark = new IngestionBenchmark(stack, framework, runId, work);
            results.addAll(benchmark.kafkaBacklog(settings.ingestionBacklog()));
            results.add(benchmark.csvUpload(settings.csvRows()));
            stack.service(IngestionBenchmark.INGESTION).close();
            raw = measureRawKafka(stack, settings, runId);
        }
        describeEnd(machine);
        return Summary.ofIngestion(machine, raw, results);
    }

    private static KafkaPerfTools.RawThroughput measureRawKafka(Stack stack, BenchSettings settings, String runId)
            throws IOException, InterruptedException {
        System.out.println("== raw Kafka: ProducerPerformance and ConsumerPerformance, 200-byte records");
        KafkaPerfTools.RawThroughput raw = KafkaPerfTools.measure(stack.bootstrapServers(), runId + "-raw",
                LocalInfrastructure.PARTITIONS, settings.rawRecords(), 200);
        System.out.println("   " + raw.producerSummary() + "; load average " + MachineDescription.loadAverage());
        System.out.printf("   produced warm (after the first 5-second report) %,.0f records/s; consumed %,.0f records/s%n",
                raw.warmProducedPerSecond(), raw.consumedPerSecond());
        return raw;
    }

    /**
     * Deletes the run's directory when the JVM exits, at the end of a run or after Ctrl-C or a kill, once the processes
     * writing into it have stopped: the broker, stopped here, and the services and PostgreSQL, which the stack's own exit
     * hook stops.
     */
    private static void stopAndDelete(BrokerProcess broker, Path work) {
        try {
            List<ProcessHandle> writers = new ArrayList<>(ProcessHandle.current().descendants().toList());
            writers.addAll(postgresServers(work));
            if (broker != null) {
                broker.close();
            }
            writers.forEach(writer -> writer.onExit().completeOnTimeout(writer, 60, TimeUnit.SECONDS).join());
            PathUtils.deleteDirectory(work);
        } catch (IOException | InterruptedException e) {
            System.err.println("Could not delete " + work + ": " + e);
        }
    }

    /** Embedded PostgreSQL servers run detached from this JVM; each names itself in its data directory. */
    private static List<ProcessHandle> postgresServers(Path work) throws IOException {
        try (Stream<Path> pidFiles = Files.find(work, 4, (path, attributes) -> path.endsWith("postmaster.pid"))) {
            return pidFiles.flatMap(LoadGenerator::postmaster).toList();
        }
    }

    private static Stream<ProcessHandle> postmaster(Path pidFile) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim())).stream();
        } catch (IOException stoppedMeanwhile) {
            return Stream.empty();
        }
    }

    /** Where the paced scenarios' {@link Timeline}s go, next to the results; emptied first. */
    private static Path timelineFile(BenchSettings settings) throws IOException {
        Files.createDirectories(settings.output());
        Path file = settings.output().resolve(TIMELINE_FILE);
        Files.deleteIfExists(file);
        return file;
    }

    /** Kafka is embedded unless the environment names one; the embedded broker runs in a JVM of its own. */
    private static boolean embeddedKafka() {
        return System.getenv(LocalInfrastructure.KAFKA_BOOTSTRAP_SERVERS) == null;
    }

    private static void describeEnd(Map<String, String> machine) {
        machine.put("load average at end", MachineDescription.loadAverage());
        machine.put("kafka", embeddedKafka() ? "embedded (same machine, a JVM of its own)" : "external");
        machine.put("postgresql", describePostgres());
    }

    private static String describePostgres() {
        if (LocalInfrastructure.setting(LocalInfrastructure.POSTGRES_URL) != null) {
            return "external";
        }
        return LocalInfrastructure.postgresDurable()
                ? "embedded (same machine), durable: fsync and synchronous commit on"
                : "embedded (same machine), not durable: fsync and synchronous commit off";
    }
}

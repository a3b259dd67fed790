package org.talentindex.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.talentindex.localstack.ServiceProcess;
import org.talentindex.localstack.Stack;

/**
 * Ingestion alone (scoring and reporting are not running): observations validated, stored and forwarded per second,
 * through both doors.
 * <ul>
 *   <li>Kafka: with ingestion stopped, a backlog is produced on indicator-observations; ingestion is started and drains
 *   it. Rate = backlog ÷ time from the first to the last indicator update it forwards (start-up is not counted; the
 *   first poll batch is); and the same over the second half of the backlog, once the fresh JVM has compiled its hot
 *   paths (its just-in-time compilers take a good part of a core during the first tens of seconds).</li>
 *   <li>REST: a CSV long table uploaded in one {@code POST /api/observations}. Rate = rows ÷ time from sending the
 *   request to the answer (the answer comes after every row is stored and forwarded).</li>
 * </ul>
 * Every observation is a new figure for its cell (unique content), one framework uses each indicator, so each one is
 * forwarded exactly once.
 */
final class IngestionBenchmark {

    static final String INGESTION = "ingestion-service";
    static final String KAFKA_DOOR = "indicator-observations";
    static final String REST_DOOR = "POST /api/observations";
    static final String WARM_DRAIN = "Kafka backlog drain, warm";
    private static final Duration STALL = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Stack stack;
    private final SyntheticFramework framework;
    private final String runId;
    private final Path work;
    private final ObjectMapper json = new ObjectMapper();

    IngestionBenchmark(Stack stack, SyntheticFramework framework, String runId, Path work) {
        this.stack = stack;
        this.framework = framework;
        this.runId = runId;
        this.work = work;
    }

    /** The whole drain (the service's first seconds included), and its second half (a warm JVM). */
    List<IngestionResult> kafkaBacklog(int records) throws IOException, InterruptedException {
        System.out.printf("== ingestion, Kafka: drain a backlog of %,d observations%n", records);
        stack.service(INGESTION).close();
        produceBacklog(records);
        try (ForwardedCounter counter = new ForwardedCounter(stack.bootstrapServers(), framework.id())) {
            ServiceProcess ingestion = stack.restart(INGESTION);
            String loadAtStart = MachineDescription.loadAverage();
            try (ProcessSampler sampler = sampler(ingestion)) {
                ProcessSampler.Mark start = sampler.mark();
                counter.awaitCount(records / 2, STALL, TIMEOUT);
                ProcessSampler.Mark warm = sampler.mark();
                String loadWhenWarm = MachineDescription.loadAverage();
                long countWhenWarm = counter.count();
                long nanosWhenWarm = counter.lastNanos();
                long forwarded = counter.awaitCount(records, STALL, TIMEOUT);
                IngestionResult steady = result(WARM_DRAIN, KAFKA_DOOR, String.format(
                                "the same drain from the %,dth forwarded update on (JIT warm-up excluded)", countWhenWarm),
                        records - countWhenWarm, forwarded - countWhenWarm, (counter.lastNanos() - nanosWhenWarm) / 1e9,
                        sampler, warm, loadWhenWarm);
                IngestionResult whole = result("Kafka backlog drain", KAFKA_DOOR,
                        "backlog produced while ingestion was stopped; first → last forwarded update", records, forwarded,
                        (counter.lastNanos() - counter.firstNanos()) / 1e9, sampler, start, loadAtStart);
                return List.of(whole, steady);
            }
        }
    }

    IngestionResult csvUpload(int rows) throws IOException, InterruptedException {
        System.out.printf("== ingestion, REST: upload a CSV file of %,d rows%n", rows);
        Path csv = writeCsv(rows);
        ServiceProcess ingestion = stack.service(INGESTION);
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestion.url() + "/api/observations"))
                .header("X-API-Key", stack.apiKey())
                .header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
        try (ForwardedCounter counter = new ForwardedCounter(stack.bootstrapServers(), framework.id());
             ProcessSampler sampler = sampler(ingestion)) {
            String loadAtStart = MachineDescription.loadAverage();
            ProcessSampler.Mark mark = sampler.mark();
            long started = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            JsonNode answer = json.readTree(response.body());
            if (response.statusCode() != 200 || answer.path("accepted").asLong() != rows) {
                throw new IllegalStateException("Upload answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            long forwarded = counter.awaitCount(rows, Duration.ofSeconds(5), Duration.ofSeconds(30));
            return result("CSV upload", REST_DOOR,
                    String.format("one long-table CSV file (%,d MB); request sent → answer", Files.size(csv) / 1_000_000),
                    rows, forwarded, seconds, sampler, mark, loadAtStart);
        } finally {
            Files.delete(csv);
        }
    }

    private void produceBacklog(int records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                Cell cell = cell(i);
                String body = LoadProducer.observationJson(runId + "-kafka-" + i, cell.region(), cell.indicator(), cell.period(), value(i));
                producer.send(new ProducerRecord<>(LoadProducer.OBSERVATIONS, cell.region() + "/" + cell.indicator() + "/" + cell.period(),
                        body.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** A long table over the Kafka backlog's cells with a source of its own: every row is a new revision. */
    private Path writeCsv(int rows) throws IOException {
        Path csv = work.resolve("upload-" + rows + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("region,indicator,period,value,unit,source\n");
            for (int i = 0; i < rows; i++) {
                Cell cell = cell(i);
                out.write(cell.region() + "," + cell.indicator() + "," + cell.period() + "," + value(i) + ","
                        + SyntheticFramework.UNIT + ",csv " + runId + "\n");
            }
        }
        return csv;
    }

    private record Cell(String region, String indicator, int period) {
    }

    private Cell cell(int sequence) {
        int cells = framework.regions() * framework.indicators();
        int cell = sequence % cells;
        return new Cell(framework.regionCode(cell / framework.indicators()), framework.indicatorCode(cell % framework.indicators()),
                framework.firstPeriod() + sequence / cells);
    }

    private static double value(int sequence) {
        return (sequence * 7_919L % 9_999_000) / 1_000.0;
    }

    private ProcessSampler sampler(ServiceProcess ingestion) {
        return new ProcessSampler(Map.of(INGESTION, ingestion.pid()), work.resolve("stack").toString());
    }

    private IngestionResult result(String name, String door, String how, long records, long forwarded, double seconds,
                                   ProcessSampler sampler, ProcessSampler.Mark mark, String loadAtStart) {
        Map<String, ProcessSampler.Usage> usage = sampler.usageSince(mark);
        ProcessSampler.Usage ingestion = usage.get(INGESTION);
        IngestionResult result = new IngestionResult(name, door, how, records, forwarded, seconds, forwarded / seconds,
                ingestion.cpuPercent(), ingestion.rssMegabytes(), usage.get(ProcessSampler.POSTGRES).cpuPercent(),
                sampler.machineBusyPercentSince(mark), loadAtStart, MachineDescription.loadAverage());
        System.out.printf("   %,d of %,d forwarded in %.1f s: %,.0f/s; ingestion CPU %.0f%%, PostgreSQL CPU %.0f%%, load average %s → %s%n",
                forwarded, records, seconds, result.perSecond(), result.ingestionCpuPercent(), result.postgresCpuPercent(),
                loadAtStart, result.loadAverageAtEnd());
        return result;
    }
}

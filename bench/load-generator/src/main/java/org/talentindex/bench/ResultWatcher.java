package org.talentindex.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads score-updates and index-reports from their ends and attributes every produced observation to the moment its
 * effect became visible. An indicator update tells which update id ingestion gave an observation; a score-update names the updates it applied ({@code cause}); for end-to-end keys an observation
 * counts as reflected when the first index report with that version or a later one arrives; for scoring-only keys when
 * the score-update itself arrives. The latest scores per key are kept to check them against {@link CellModel}.
 */
final class ResultWatcher implements AutoCloseable {

    static final String INDICATOR_UPDATES = "indicator-updates";
    static final String SCORE_UPDATES = "score-updates";
    static final String INDEX_REPORTS = "index-reports";

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectReader indicatorUpdateReader = json.readerFor(IndicatorUpdate.class);
    private final ObjectReader scoreUpdateReader = json.readerFor(ScoreUpdate.class);
    private final ObjectReader reportEnvelopeReader = json.readerFor(ReportEnvelope.class);
    private final ProduceLog produceLog;
    private final Set<String> scoringOnlyFrameworks;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread worker;
    private volatile boolean running = true;

    private final Map<String, Long> sequenceByUpdateId = new HashMap<>();
    private final Map<String, Long> offsetByUpdateId = new HashMap<>();
    private final Map<String, TreeMap<Long, String>> unpublishedUpdates = new HashMap<>();
    private final Map<String, Long> reflectedBeforeKnown = new HashMap<>();
    private final Map<String, TreeMap<Long, List<String>>> unreportedCauses = new HashMap<>();
    private final Map<String, TreeMap<Long, Long>> reportArrivals = new HashMap<>();
    private final Map<String, byte[]> latestReports = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Double>> latestUpdateScores = new ConcurrentHashMap<>();
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong reportBytes = new AtomicLong();
    private final AtomicLong scoreUpdates = new AtomicLong();
    private volatile Throwable failure;

    ResultWatcher(String bootstrapServers, ProduceLog produceLog, Set<String> scoringOnlyFrameworks) {
        this.produceLog = produceLog;
        this.scoringOnlyFrameworks = scoringOnlyFrameworks;
        consumer = TailConsumer.open(bootstrapServers, List.of(INDICATOR_UPDATES, SCORE_UPDATES, INDEX_REPORTS));
        worker = new Thread(this::run, "result-watcher");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                // every record of a poll arrived when the poll returned; reading them here is the watcher's own time
                long arrived = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.topic().equals(INDICATOR_UPDATES)) {
                        onIndicatorUpdate(indicatorUpdateReader.readValue(record.value()), record.offset(), arrived);
                    } else if (record.topic().equals(SCORE_UPDATES)) {
                        onScoreUpdate(scoreUpdateReader.readValue(record.value()), arrived);
                    } else {
                        reportBytes.addAndGet(record.value().length);
                        onReport(record.key(), record.value(), arrived);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } catch (Exception e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private JsonNode reportData(JsonNode cloudEvent) throws IOException {
        if (cloudEvent.has("data_base64")) {
            return json.readTree(Base64.getDecoder().decode(cloudEvent.get("data_base64").asText()));
        }
        JsonNode data = cloudEvent.get("data");
        return data.isTextual() ? json.readTree(data.asText().getBytes(StandardCharsets.UTF_8)) : data;
    }

    /** What the watcher reads of an indicator update; unit, revision, source and time are skipped unparsed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record IndicatorUpdate(String updateId, String frameworkId, String period, String region, String indicator, double value) {
    }

    /** Learns which observation an update forwarded by ingestion came from. */
    private void onIndicatorUpdate(IndicatorUpdate update, long offset, long arrived) {
        String framework = update.frameworkId();
        if (scoringOnlyFrameworks.contains(framework)) {
            return;
        }
        String updateId = update.updateId();
        offsetByUpdateId.put(updateId, offset);
        unpublishedUpdates.computeIfAbsent(framework + "/" + update.period(), k -> new TreeMap<>()).put(offset, updateId);
        long sequence = produceLog.sequenceOfCellValue(ProduceLog.cellValue(framework, update.period(), update.region(),
                update.indicator(), update.value()));
        if (sequence < 0) {
            return;
        }
        produceLog.reachedStage(sequence, arrived, false);
        Long reflected = reflectedBeforeKnown.remove(updateId);
        if (reflected != null) {
            produceLog.reflected(sequence, reflected);
        } else {
            sequenceByUpdateId.put(updateId, sequence);
        }
    }

    private void reflectUpdate(String updateId, long reflectedNanos) {
        Long sequence = sequenceByUpdateId.remove(updateId);
        if (sequence != null) {
            produceLog.reflected(sequence, reflectedNanos);
        } else {
            reflectedBeforeKnown.put(updateId, reflectedNanos);
        }
    }

    /** What the watcher reads of an index report as it arrives: the CloudEvent's version attribute, the report skipped unparsed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReportEnvelope(long reportversion) {
    }

    /** What the watcher reads of a score update; the rest (old values, level scores, analysis) is skipped unparsed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScoreUpdate(String frameworkId, String period, long version, List<String> cause, List<Change> changes) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Change(String region, @JsonProperty("new") Score next) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Score(Double score) {
        }
    }

    private void onScoreUpdate(ScoreUpdate update, long arrived) {
        scoreUpdates.incrementAndGet();
        String framework = update.frameworkId();
        String key = framework + "/" + update.period();
        Map<String, Double> scores = latestUpdateScores.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        for (ScoreUpdate.Change change : update.changes()) {
            if (change.next() == null || change.next().score() == null) {
                scores.remove(change.region());
            } else {
                scores.put(change.region(), change.next().score());
            }
        }
        List<String> causes = update.cause();
        if (scoringOnlyFrameworks.contains(framework)) {
            causes.forEach(id -> produceLog.reachedStage(produceLog.sequenceOf(id), arrived, true));
            causes.forEach(id -> produceLog.reflected(id, arrived));
            return;
        }
        long version = update.version();
        List<String> included = includedUpdates(key, causes);
        included.forEach(id -> produceLog.reachedStage(sequenceByUpdateId.getOrDefault(id, -1L), arrived, true));
        Map.Entry<Long, Long> report = reportArrivals.getOrDefault(key, new TreeMap<>()).ceilingEntry(version);
        if (report != null) {
            included.forEach(id -> reflectUpdate(id, report.getValue()));
        } else {
            unreportedCauses.computeIfAbsent(key, k -> new TreeMap<>()).put(version, included);
        }
    }

    /**
     * The causes plus every earlier update of the key that changed no published score: scoring reads a key's updates in
     * order, so the state behind this version holds all updates up to the last cause.
     */
    private List<String> includedUpdates(String key, List<String> causes) {
        long lastOffset = causes.stream().mapToLong(id -> offsetByUpdateId.getOrDefault(id, -1L)).max().orElse(-1);
        TreeMap<Long, String> unpublished = unpublishedUpdates.get(key);
        if (unpublished == null || lastOffset < 0) {
            return causes;
        }
        Map<Long, String> included = unpublished.headMap(lastOffset, true);
        Set<String> all = new LinkedHashSet<>(causes);
        all.addAll(included.values());
        included.values().forEach(offsetByUpdateId::remove);
        included.clear();
        return List.copyOf(all);
    }

    /** Reads only the report's version; the report itself is parsed when its scores are checked. */
    private void onReport(String key, byte[] event, long arrived) throws IOException {
        reports.incrementAndGet();
        long version = reportEnvelopeReader.<ReportEnvelope>readValue(event).reportversion();
        reportArrivals.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(version, arrived);
        latestReports.put(key, event);
        TreeMap<Long, List<String>> pending = unreportedCauses.get(key);
        if (pending != null) {
            Map<Long, List<String>> nowReported = pending.headMap(version, true);
            nowReported.values().forEach(causes -> causes.forEach(id -> reflectUpdate(id, arrived)));
            nowReported.clear();
        }
    }

    Map<String, Double> latestReportScores(String key) {
        byte[] event = latestReports.get(key);
        if (event == null) {
            return Map.of();
        }
        try {
            Map<String, Double> scores = new HashMap<>();
            reportData(json.readTree(event)).get("ranking").forEach(r -> scores.put(r.get("region").asText(), r.get("score").asDouble()));
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Double> latestUpdateScores(String key) {
        return latestUpdateScores.getOrDefault(key, Map.of());
    }

    long reports() {
        return reports.get();
    }

    long reportBytes() {
        return reportBytes.get();
    }

    long scoreUpdates() {
        return scoreUpdates.get();
    }

    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("Result watcher failed", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        worker.join(5000);
    }
}

package org.talentindex.scoring.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.scoring.engine.EarlierPeriods;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.EvaluationOptions;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.scoring.engine.RegionResult;
import org.talentindex.framework.Framework;
import org.talentindex.scoring.framework.FrameworkRegistry;
import org.talentindex.scoring.state.CellValue;
import org.talentindex.scoring.state.FrameworkPeriod;
import org.talentindex.scoring.state.FrameworkPeriodKey;
import org.talentindex.scoring.state.RegionScore;
import org.talentindex.scoring.state.StateWriter;

/**
 * Keeps framework-periods current. A batch of updates is applied in one transaction that stores the new values, the
 * changed published scores, the next version, the score-updates event (outbox) and the consumer offsets together.
 */
@ApplicationScoped
public class ScoringService {

    private static final TypeReference<Map<String, Double>> LEVELS = new TypeReference<>() {
    };

    @Inject
    FrameworkRegistry frameworks;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Inject
    ChangeAttribution attribution;

    @Inject
    ScoreUpdateWriter events;

    @ConfigProperty(name = "talentindex.topics.scores")
    String scoresTopic;

    /** false recomputes a framework-period from scratch for every batch: the baseline the benchmarks compare against. */
    @ConfigProperty(name = "talentindex.scoring.incremental", defaultValue = "true")
    boolean incremental;

    /** Upper bound of the cells held in memory; the least recently used framework-periods beyond it reload when needed. */
    @ConfigProperty(name = "talentindex.scoring.max-resident-cells", defaultValue = "1000000")
    long maxResidentCells;

    /** The framework-periods held in memory, least recently used first (accessed only under this object's lock). */
    private final LinkedHashMap<FrameworkPeriodKey, FrameworkPeriodState> states = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * Applies the updates and stores the offsets in one transaction; returns the number of events written to the
     * outbox. Batches and rebuilds run one at a time, each committed before the next starts.
     */
    public synchronized int applyBatch(List<IndicatorUpdate> updates, String topic, Map<Integer, Long> nextOffsets) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyInTransaction(updates, topic, nextOffsets));
        } catch (RuntimeException e) {
            states.clear();
            throw e;
        } finally {
            evictBeyondLimit();
        }
    }

    /**
     * Takes the batch's values first, then evaluates the framework-periods they changed and the later ones that read them
     * (growth, CAGR, last-period imputation), in period order, and lets the next period of each published one know that
     * its previous period moved (its report compares ranks and scores with it).
     */
    private int applyInTransaction(List<IndicatorUpdate> updates, String topic, Map<Integer, Long> nextOffsets) {
        Map<FrameworkPeriodKey, List<IndicatorUpdate>> byKey = new LinkedHashMap<>();
        for (IndicatorUpdate update : updates) {
            byKey.computeIfAbsent(update.key(), k -> new ArrayList<>()).add(update);
        }
        StateWriter writes = new StateWriter();
        Map<FrameworkPeriodKey, List<String>> causes = new TreeMap<>(FrameworkPeriodKey.ORDER);
        for (Map.Entry<FrameworkPeriodKey, List<IndicatorUpdate>> entry : byKey.entrySet()) {
            List<String> cause = take(entry.getKey(), entry.getValue(), writes);
            if (!cause.isEmpty()) {
                causes.put(entry.getKey(), cause);
            }
        }
        Set<FrameworkPeriodKey> readChangedPeriods = addLaterPeriodsThatRead(causes);
        Set<FrameworkPeriodKey> published = new LinkedHashSet<>();
        for (Map.Entry<FrameworkPeriodKey, List<String>> entry : causes.entrySet()) {
            FrameworkPeriodKey key = entry.getKey();
            Framework framework = frameworks.find(key.frameworkId()).orElseThrow();
            FrameworkPeriodState state = state(key, framework);
            if (readChangedPeriods.contains(key)) {
                state.useEarlierPeriods(earlierPeriods(key, framework));
            }
            try {
                if (publishIfChanged(key, framework, state, entry.getValue(), writes)) {
                    published.add(key);
                }
            } finally {
                state.endBatch();
            }
        }
        int events = published.size() + announceToNextPeriods(published, causes, writes);
        writes.storeOffsets(topic, nextOffsets);
        writes.flush();
        return events;
    }

    /** Takes the newer values of one framework-period and stores them; returns the ids of the updates taken. */
    private List<String> take(FrameworkPeriodKey key, List<IndicatorUpdate> updates, StateWriter writes) {
        Optional<Framework> framework = frameworks.find(key.frameworkId());
        if (framework.isEmpty()) {
            metrics.counter("scoring.updates.unknown.framework").increment(updates.size());
            Log.warnf("%d updates for unknown framework %s ignored", updates.size(), key.frameworkId());
            return List.of();
        }
        FrameworkPeriodState state = state(key, framework.get());
        List<String> cause = new ArrayList<>();
        Map<String, StateWriter.Cell> cells = new LinkedHashMap<>();
        for (IndicatorUpdate update : updates) {
            if (state.apply(update)) {
                cells.put(FrameworkPeriodState.cell(update.region(), update.indicator()), new StateWriter.Cell(update.frameworkId(),
                        update.period(), update.region(), update.indicator(), update.value(), update.revision(), update.source(), update.updateId()));
                cause.add(update.updateId());
            } else {
                metrics.counter("scoring.updates.stale").increment();
            }
        }
        writes.upsertCells(cells.values());
        return cause;
    }

    /**
     * Adds to {@code causes} the stored later periods whose evaluation reads a changed one, with the causes of the periods
     * they read; returns every framework-period whose earlier periods changed.
     */
    private Set<FrameworkPeriodKey> addLaterPeriodsThatRead(Map<FrameworkPeriodKey, List<String>> causes) {
        Map<FrameworkPeriodKey, Set<String>> readers = new HashMap<>();
        for (Map.Entry<FrameworkPeriodKey, List<String>> changed : causes.entrySet()) {
            FrameworkPeriodKey key = changed.getKey();
            for (int back : EarlierPeriods.needed(frameworks.find(key.frameworkId()).orElseThrow())) {
                FrameworkPeriodKey reader = key.plusPeriods(back);
                if (states.containsKey(reader) || FrameworkPeriod.find(reader) != null) {
                    readers.computeIfAbsent(reader, r -> new LinkedHashSet<>()).addAll(changed.getValue());
                }
            }
        }
        readers.forEach((reader, read) -> {
            Set<String> all = new LinkedHashSet<>(causes.getOrDefault(reader, List.of()));
            all.addAll(read);
            causes.put(reader, List.copyOf(all));
        });
        return readers.keySet();
    }

    /**
     * A new version, without score changes, of the next stored period after each published one that did not publish
     * itself: its report's movement against the previous period changed.
     */
    private int announceToNextPeriods(Set<FrameworkPeriodKey> published, Map<FrameworkPeriodKey, List<String>> causes, StateWriter writes) {
        Set<FrameworkPeriodKey> announced = new TreeSet<>(FrameworkPeriodKey.ORDER);
        for (FrameworkPeriodKey key : published) {
            Optional<FrameworkPeriodKey> next = FrameworkPeriod.nextStored(key);
            if (next.isEmpty() || published.contains(next.get()) || !announced.add(next.get())) {
                continue;
            }
            Framework framework = frameworks.find(key.frameworkId()).orElseThrow();
            FrameworkPeriodState state = state(next.get(), framework);
            state.version++;
            writes.advanceVersion(next.get(), state.version);
            writeOutbox(next.get(), events.event(next.get(), state.version, state.published.size(), causes.get(key), List.of(), List.of(),
                    framework.precision(), null, null), writes);
        }
        return announced.size();
    }

    /** The held state, or the stored one loaded (not inside a map function: loading reads the held earlier periods). */
    private FrameworkPeriodState state(FrameworkPeriodKey key, Framework framework) {
        FrameworkPeriodState state = states.get(key);
        if (state == null) {
            state = load(key, framework);
            states.put(key, state);
        }
        return state;
    }

    /**
     * Re-evaluates a framework-period from its stored values (after a framework definition changed, or to check the
     * published state); publishes one new version if anything differs. Returns whether it did.
     */
    public synchronized boolean rebuild(FrameworkPeriodKey key) {
        Framework framework = frameworks.find(key.frameworkId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown framework " + key.frameworkId()));
        states.remove(key);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                StateWriter writes = new StateWriter();
                boolean published = publishIfChanged(key, framework, state(key, framework),
                        List.of("rebuild"), writes);
                writes.flush();
                return published;
            });
        } catch (RuntimeException e) {
            states.clear();
            throw e;
        }
    }

    /** The current, unrounded evaluation of a framework-period as this instance holds it (loaded if needed). */
    public synchronized Optional<Evaluation> evaluation(FrameworkPeriodKey key) {
        Optional<Framework> framework = frameworks.find(key.frameworkId());
        if (framework.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(QuarkusTransaction.requiringNew().call(() ->
                state(key, framework.get())).evaluate());
    }

    /**
     * What an evaluation of the framework-period reads beyond its own values, as held here: the earlier periods' values and
     * the evaluation of the previous stored period (rank change). {@code framework} may differ from the stored definition (what-if).
     */
    public synchronized EvaluationOptions baseline(Framework framework, FrameworkPeriodKey key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EvaluationOptions options = earlierPeriods(key, framework);
            Optional<FrameworkPeriodKey> previous = FrameworkPeriod.previousStored(key);
            Optional<Framework> stored = frameworks.find(key.frameworkId());
            if (previous.isEmpty() || stored.isEmpty()) {
                return options;
            }
            return options.withPrevious(state(previous.get(), stored.get()).evaluate());
        });
    }

    /** Every framework-period that has stored values. */
    public List<FrameworkPeriodKey> storedKeys() {
        return QuarkusTransaction.requiringNew().call(() -> CellValue.getEntityManager()
                .createQuery("select distinct c.frameworkId, c.period from CellValue c", Object[].class).getResultList().stream()
                .map(row -> new FrameworkPeriodKey((String) row[0], (String) row[1])).toList());
    }

    /**
     * Publishes the regions whose published result changed: in full when a score, level score or status moved, as the
     * rank alone when only the rank did (other regions moved past it, which a single new value does to tens of regions).
     */
    private boolean publishIfChanged(FrameworkPeriodKey key, Framework framework, FrameworkPeriodState state, List<String> cause,
                                     StateWriter writes) {
        Evaluation before = state.compared;
        Evaluation evaluation = evaluate(state);
        if (!evaluation.warnings().isEmpty() && (before == null || !before.warnings().equals(evaluation.warnings()))) {
            Log.warnf("%s: %s", key, String.join("; ", evaluation.warnings()));
        }
        Map<String, PublishedScore> next = changedScores(framework, state, evaluation);
        boolean warningsMoved = !evaluation.warnings().equals(state.publishedWarnings);
        if (next.isEmpty() && !warningsMoved) {
            return false;
        }
        Map<String, PublishedScore> previous = state.published;
        List<String> rescored = new ArrayList<>();
        Map<String, Integer> reranked = new TreeMap<>();
        for (String region : new TreeSet<>(next.keySet())) {
            PublishedScore after = next.get(region);
            if (after.reranks(previous.get(region))) {
                reranked.put(region, after.rank());
            } else {
                rescored.add(region);
            }
        }
        state.version++;
        writeScores(key, next, rescored, framework.precision(), writes);
        writes.updateRanks(key, reranked);
        writes.advanceVersion(key, state.version);
        if (warningsMoved) {
            state.publishedWarnings = evaluation.warnings();
            writes.storeWarnings(key, writeJson(evaluation.warnings()));
        }
        Map<String, Map<String, Double>> attributions = attribution.of(framework, state, before, evaluation, rescored);
        List<ScoreUpdateWriter.Change> changes = rescored.stream()
                .map(region -> new ScoreUpdateWriter.Change(region, previous.get(region), next.get(region), attributions.get(region)))
                .toList();
        List<ScoreUpdateWriter.RankChange> rankChanges = reranked.keySet().stream()
                .map(region -> new ScoreUpdateWriter.RankChange(region, previous.get(region).rank(), next.get(region).rank()))
                .toList();
        writeOutbox(key, events.event(key, state.version, evaluation.regions().size(), cause, changes, rankChanges,
                framework.precision(), null, warningsMoved ? evaluation.warnings() : null), writes);
        previous.putAll(next);
        return true;
    }

    /** The values of a framework-period and the version they produced, for an analysis run outside the lock. */
    public synchronized Optional<Snapshot> snapshot(FrameworkPeriodKey key) {
        return frameworks.find(key.frameworkId()).map(framework -> QuarkusTransaction.requiringNew().call(() -> {
            FrameworkPeriodState state = state(key, framework);
            return new Snapshot(framework, state.values(), earlierPeriods(key, framework), state.version);
        }));
    }

    /** {@code options}: the earlier periods' values the evaluation reads. */
    public record Snapshot(Framework framework, ValueTable values, EvaluationOptions options, long version) {
    }

    /**
     * Stores rank intervals computed from the snapshot of {@code basedOnVersion}; when they differ from the published
     * ones, publishes them as a new version without score changes. Nothing happens when the scores moved meanwhile.
     */
    public synchronized boolean publishSensitivity(FrameworkPeriodKey key, long basedOnVersion, ObjectNode sensitivity) {
        Framework framework = frameworks.find(key.frameworkId()).orElseThrow();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                FrameworkPeriodState state = state(key, framework);
                FrameworkPeriod row = FrameworkPeriod.findForUpdate(key);
                if (row == null || row.version != basedOnVersion || state.version != basedOnVersion) {
                    return false;
                }
                boolean nothingNew = row.sensitivity == null ? sensitivity.path("intervals").isEmpty()
                        : json.readTree(row.sensitivity).equals(sensitivity);
                if (nothingNew) {
                    row.sensitivityVersion = row.version;
                    return false;
                }
                state.version++;
                StateWriter writes = new StateWriter();
                writes.advanceVersion(key, state.version);
                writes.storeSensitivity(key, writeJson(sensitivity), state.version);
                writeOutbox(key, events.event(key, state.version, state.published.size(), List.of("sensitivity"), List.of(),
                        List.of(), framework.precision(), sensitivity, null), writes);
                writes.flush();
                return true;
            });
        } catch (RuntimeException e) {
            states.clear();
            throw e;
        }
    }

    private Evaluation evaluate(FrameworkPeriodState state) {
        long start = System.nanoTime();
        Evaluation evaluation = state.evaluate();
        metrics.timer("scoring.recompute").record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        return evaluation;
    }

    /**
     * The regions whose published (rounded) result differs from the one published. Only regions whose exact result
     * moved since the last comparison are rounded: a single-cell change leaves most of them as they were.
     */
    private static Map<String, PublishedScore> changedScores(Framework framework, FrameworkPeriodState state, Evaluation evaluation) {
        List<RegionResult> before = state.compared == null ? List.of() : state.compared.regions();
        Map<String, PublishedScore> changed = new HashMap<>();
        List<RegionResult> results = evaluation.regions();
        for (int i = 0; i < results.size(); i++) {
            RegionResult result = results.get(i);
            if (i < before.size() && sameOutcome(before.get(i), result)) {
                continue;
            }
            PublishedScore score = PublishedScore.of(result, framework.precision());
            if (!score.equals(state.published.get(result.region()))) {
                changed.put(result.region(), score);
            }
        }
        state.compared = evaluation;
        return changed;
    }

    private static boolean sameOutcome(RegionResult before, RegionResult after) {
        return before.region().equals(after.region()) && before.status() == after.status() && before.rank() == after.rank()
                && Double.compare(before.score(), after.score()) == 0 && before.levelScores().equals(after.levelScores());
    }

    private FrameworkPeriodState load(FrameworkPeriodKey key, Framework framework) {
        ValueTable values = new ValueTable();
        Map<String, Integer> revisions = new HashMap<>();
        for (CellValue cell : CellValue.of(key)) {
            values.put(cell.region, cell.indicator, cell.value);
            revisions.put(FrameworkPeriodState.cell(cell.region, cell.indicator), cell.revision);
        }
        Map<String, PublishedScore> published = new HashMap<>();
        for (RegionScore score : RegionScore.of(key)) {
            published.put(score.region, new PublishedScore(score.status, score.score, score.rank, readLevels(score.levels)));
        }
        FrameworkPeriod version = FrameworkPeriod.find(key);
        List<String> warnings = version == null ? List.of() : version.publishedWarnings(json);
        return new FrameworkPeriodState(framework, values, earlierPeriods(key, framework), revisions, published, warnings,
                version == null ? 0 : version.version, incremental);
    }

    /** The evaluation options that carry the earlier periods' values the framework reads (as held, or as stored). */
    private EvaluationOptions earlierPeriods(FrameworkPeriodKey key, Framework framework) {
        Map<Integer, ValueTable> earlier = new HashMap<>();
        for (int back : EarlierPeriods.needed(framework)) {
            FrameworkPeriodKey read = key.plusPeriods(-back);
            FrameworkPeriodState held = states.get(read);
            ValueTable values = held != null ? held.valuesWithTaken() : storedValues(read);
            if (!values.regions().isEmpty()) {
                earlier.put(back, values);
            }
        }
        return earlier.isEmpty() ? EvaluationOptions.NONE : EvaluationOptions.NONE.withEarlierPeriods(earlier);
    }

    private static ValueTable storedValues(FrameworkPeriodKey key) {
        ValueTable values = new ValueTable();
        CellValue.of(key).forEach(cell -> values.put(cell.region, cell.indicator, cell.value));
        return values;
    }

    private void evictBeyondLimit() {
        long resident = states.values().stream().mapToLong(FrameworkPeriodState::cells).sum();
        var eldest = states.entrySet().iterator();
        while (resident > maxResidentCells && states.size() > 1 && eldest.hasNext()) {
            resident -= eldest.next().getValue().cells();
            eldest.remove();
            metrics.counter("scoring.state.evictions").increment();
        }
    }

    /** Forgets the in-memory copies, e.g. when partitions move; they reload from the database when next needed. */
    public synchronized void forgetAll() {
        states.clear();
    }

    private void writeScores(FrameworkPeriodKey key, Map<String, PublishedScore> next, List<String> regions, int precision,
                             StateWriter writes) {
        writes.upsertScores(regions.stream().map(region -> {
            PublishedScore score = next.get(region);
            return new StateWriter.Score(key.frameworkId(), key.period(), region, score.status(), score.score(), score.rank(),
                    events.levels(score.levels(), precision));
        }).toList());
    }

    private void writeOutbox(FrameworkPeriodKey key, byte[] event, StateWriter writes) {
        writes.writeOutbox(scoresTopic, key.frameworkId(), event);
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Double> readLevels(String levels) {
        try {
            return json.readValue(levels, LEVELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored levels: " + levels, e);
        }
    }
}

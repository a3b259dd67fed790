package org.talentindex.scoring.state;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;

/**
 * Gathers what one transaction changes and writes it at {@link #flush()}: one plain statement per table (cell values,
 * published scores and ranks, the next versions and the consumer offsets, their rows bound as array parameters) and one
 * insert per outgoing event, all sent in one round trip. A batch makes the same two round trips (this and the commit)
 * however many framework-periods and rows it changes, which on a busy machine is most of its latency. One instance per
 * transaction.
 */
public final class StateWriter {

    public record Cell(String frameworkId, String period, String region, String indicator, double value, int revision,
                       String source, String updateId) {
    }

    public record Score(String frameworkId, String period, String region, String status, Double score, int rank, String levels) {
    }

    private record Rank(FrameworkPeriodKey key, String region, int rank) {
    }

    private record Sensitivity(FrameworkPeriodKey key, String sensitivity, long version) {
    }

    private record Event(String topic, String key, byte[] payload) {
    }

    private static final String UPSERT_CELLS = """
            insert into cell_value (framework_id, period, region, indicator, value, revision, source, update_id)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::int[], ?::text[], ?::text[])
            on conflict (framework_id, period, region, indicator) do update
            set value = excluded.value, revision = excluded.revision, source = excluded.source, update_id = excluded.update_id""";

    private static final String UPSERT_SCORES = """
            insert into region_score (framework_id, period, region, status, score, rank, levels)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::int[], ?::text[])
            on conflict (framework_id, period, region) do update
            set status = excluded.status, score = excluded.score, rank = excluded.rank, levels = excluded.levels""";

    private static final String UPDATE_RANKS = """
            update region_score s set rank = r.rank
            from unnest(?::text[], ?::text[], ?::text[], ?::int[]) as r(framework_id, period, region, rank)
            where s.framework_id = r.framework_id and s.period = r.period and s.region = r.region""";

    private static final String ADVANCE_VERSIONS = """
            insert into framework_period (framework_id, period, version, updated_at)
            select k.framework_id, k.period, k.version, ? from unnest(?::text[], ?::text[], ?::int8[]) as k(framework_id, period, version)
            on conflict (framework_id, period) do update set version = excluded.version, updated_at = excluded.updated_at
            where framework_period.version = excluded.version - 1""";

    private static final String STORE_SENSITIVITY = """
            update framework_period set sensitivity = ?, sensitivity_version = ? where framework_id = ? and period = ?""";

    private static final String STORE_WARNINGS = """
            update framework_period set warnings = ? where framework_id = ? and period = ?""";

    private static final String UPSERT_OFFSETS = """
            insert into consumer_offset (topic, partition_no, next_offset)
            select ?, * from unnest(?::int[], ?::int8[])
            on conflict (topic, partition_no) do update set next_offset = excluded.next_offset""";

    private final List<Cell> cells = new ArrayList<>();
    private final List<Score> scores = new ArrayList<>();
    private final List<Rank> ranks = new ArrayList<>();
    private final Map<FrameworkPeriodKey, Long> versions = new LinkedHashMap<>();
    private final List<Sensitivity> sensitivities = new ArrayList<>();
    private final Map<FrameworkPeriodKey, String> storedWarnings = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private String offsetsTopic;
    private Map<Integer, Long> nextOffsets = Map.of();

    /** Cells of distinct (framework, period, region, indicator) across the transaction: one statement cannot update a row twice. */
    public void upsertCells(Collection<Cell> changed) {
        cells.addAll(changed);
    }

    /** Scores of distinct (framework, period, region) across the transaction. */
    public void upsertScores(Collection<Score> changed) {
        scores.addAll(changed);
    }

    /** New ranks of regions whose scores are stored and unchanged. */
    public void updateRanks(FrameworkPeriodKey key, Map<String, Integer> changed) {
        changed.forEach((region, rank) -> ranks.add(new Rank(key, region, rank)));
    }

    /**
     * Stores {@code version} as the key's latest, only on top of {@code version - 1}: otherwise another instance moved
     * the key meanwhile, and this instance's state is stale, and {@link #flush()} fails. (A key without a row has never
     * been published: its first version is 1, and rows are never deleted.) Once per key and transaction.
     */
    public void advanceVersion(FrameworkPeriodKey key, long version) {
        versions.put(key, version);
    }

    public void storeSensitivity(FrameworkPeriodKey key, String sensitivity, long version) {
        sensitivities.add(new Sensitivity(key, sensitivity, version));
    }

    /** Stores the published warnings (JSON array) of a key whose version this transaction advances. */
    public void storeWarnings(FrameworkPeriodKey key, String warnings) {
        storedWarnings.put(key, warnings);
    }

    public void storeOffsets(String topic, Map<Integer, Long> next) {
        offsetsTopic = topic;
        nextOffsets = next;
    }

    /** Events are inserted in the order written, which is the order the relay publishes them in. */
    public void writeOutbox(String topic, String key, byte[] payload) {
        events.add(new Event(topic, key, payload));
    }

    /** Writes everything gathered, in the current transaction, in one round trip. */
    public void flush() {
        Statements statements = new Statements();
        if (!cells.isEmpty()) {
            statements.add(UPSERT_CELLS, texts(cells, Cell::frameworkId), texts(cells, Cell::period), texts(cells, Cell::region),
                    texts(cells, Cell::indicator), numbers(cells, Cell::value), integers(cells, Cell::revision),
                    texts(cells, Cell::source), texts(cells, Cell::updateId));
        }
        if (!scores.isEmpty()) {
            statements.add(UPSERT_SCORES, texts(scores, Score::frameworkId), texts(scores, Score::period), texts(scores, Score::region),
                    texts(scores, Score::status), numbers(scores, Score::score), integers(scores, Score::rank),
                    texts(scores, Score::levels));
        }
        if (!ranks.isEmpty()) {
            statements.add(UPDATE_RANKS, texts(ranks, r -> r.key().frameworkId()), texts(ranks, r -> r.key().period()),
                    texts(ranks, Rank::region), integers(ranks, Rank::rank));
        }
        int versionsStatement = statements.size();
        if (!versions.isEmpty()) {
            Set<FrameworkPeriodKey> keys = versions.keySet();
            statements.add(ADVANCE_VERSIONS, OffsetDateTime.now(ZoneOffset.UTC), texts(keys, FrameworkPeriodKey::frameworkId),
                    texts(keys, FrameworkPeriodKey::period), new Column("int8", versions.values().toArray()));
        }
        for (Sensitivity stored : sensitivities) {
            statements.add(STORE_SENSITIVITY, stored.sensitivity(), stored.version(), stored.key().frameworkId(), stored.key().period());
        }
        storedWarnings.forEach((key, text) -> statements.add(STORE_WARNINGS, text, key.frameworkId(), key.period()));
        for (Event event : events) {
            statements.add(Outbox.INSERT, event.topic(), event.key(), event.payload());
        }
        if (!nextOffsets.isEmpty()) {
            statements.add(UPSERT_OFFSETS, offsetsTopic, new Column("int4", nextOffsets.keySet().toArray()),
                    new Column("int8", nextOffsets.values().toArray()));
        }
        List<Integer> rowCounts = statements.run();
        if (!versions.isEmpty() && rowCounts.get(versionsStatement) != versions.size()) {
            throw new IllegalStateException("Versions " + versions + " do not all follow the stored ones; reloading");
        }
    }

    /** One column of the rows, bound as an array of a PostgreSQL type. */
    private record Column(String type, Object[] values) {
    }

    private static <T> Column texts(Collection<T> rows, Function<T, String> column) {
        return new Column("text", rows.stream().map(column).toArray(String[]::new));
    }

    private static <T> Column numbers(Collection<T> rows, Function<T, Double> column) {
        return new Column("float8", rows.stream().map(column).toArray(Double[]::new));
    }

    private static <T> Column integers(Collection<T> rows, Function<T, Integer> column) {
        return new Column("int4", rows.stream().map(column).toArray(Integer[]::new));
    }

    /**
     * Statements sent to PostgreSQL together and run in order, in one round trip; a {@link Column} parameter is bound as
     * an array, any other as a value.
     */
    private static final class Statements {

        private final List<String> sql = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        void add(String statement, Object... statementParameters) {
            sql.add(statement);
            parameters.addAll(Arrays.asList(statementParameters));
        }

        int size() {
            return sql.size();
        }

        /** The number of rows each statement wrote, in order. */
        List<Integer> run() {
            if (sql.isEmpty()) {
                return List.of();
            }
            return session().doReturningWork(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", sql))) {
                    for (int i = 0; i < parameters.size(); i++) {
                        if (parameters.get(i) instanceof Column column) {
                            statement.setArray(i + 1, connection.createArrayOf(column.type(), column.values()));
                        } else {
                            statement.setObject(i + 1, parameters.get(i));
                        }
                    }
                    statement.execute();
                    List<Integer> rowCounts = new ArrayList<>(sql.size());
                    for (int count = statement.getUpdateCount(); count != -1; statement.getMoreResults(), count = statement.getUpdateCount()) {
                        rowCounts.add(count);
                    }
                    return rowCounts;
                }
            });
        }
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}

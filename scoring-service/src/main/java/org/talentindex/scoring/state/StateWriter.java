package org.talentindex.scoring.state;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

/**
 * Writes what a batch changes in the current transaction, in plain statements: cell values and published scores in one
 * upsert per table whose rows travel as array parameters (one round trip per table, whatever the row count), the next
 * version, the outgoing event and the consumer offsets. A batch of a few updates makes a dozen round trips fewer than
 * through entities, which on a busy machine is most of its latency.
 */
@ApplicationScoped
public class StateWriter {

    public record Cell(String frameworkId, String period, String region, String indicator, double value, int revision,
                       String source, String updateId) {
    }

    public record Score(String frameworkId, String period, String region, String status, Double score, int rank, String levels) {
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
            from unnest(?::text[], ?::int[]) as r(region, rank)
            where s.framework_id = ? and s.period = ? and s.region = r.region""";

    private static final String ADVANCE_VERSION = """
            insert into framework_period (framework_id, period, version, updated_at) values (?, ?, ?, ?)
            on conflict (framework_id, period) do update set version = excluded.version, updated_at = excluded.updated_at
            where framework_period.version = excluded.version - 1""";

    private static final String STORE_SENSITIVITY = """
            update framework_period set sensitivity = ?, sensitivity_version = ? where framework_id = ? and period = ?""";

    private static final String UPSERT_OFFSETS = """
            insert into consumer_offset (topic, partition_no, next_offset)
            select ?, * from unnest(?::int[], ?::int8[])
            on conflict (topic, partition_no) do update set next_offset = excluded.next_offset""";

    /** Cells of distinct (framework, period, region, indicator): one statement cannot update a row twice. */
    public void upsertCells(Collection<Cell> cells) {
        if (!cells.isEmpty()) {
            update(UPSERT_CELLS, texts(cells, Cell::frameworkId), texts(cells, Cell::period), texts(cells, Cell::region),
                    texts(cells, Cell::indicator), numbers(cells, Cell::value), integers(cells, Cell::revision),
                    texts(cells, Cell::source), texts(cells, Cell::updateId));
        }
    }

    /** Scores of distinct (framework, period, region). */
    public void upsertScores(Collection<Score> scores) {
        if (!scores.isEmpty()) {
            update(UPSERT_SCORES, texts(scores, Score::frameworkId), texts(scores, Score::period), texts(scores, Score::region),
                    texts(scores, Score::status), numbers(scores, Score::score), integers(scores, Score::rank),
                    texts(scores, Score::levels));
        }
    }

    /** New ranks of regions whose scores are stored and unchanged. */
    public void updateRanks(FrameworkPeriodKey key, Map<String, Integer> ranks) {
        if (!ranks.isEmpty()) {
            update(UPDATE_RANKS, new Column("text", ranks.keySet().toArray()), new Column("int4", ranks.values().toArray()),
                    key.frameworkId(), key.period());
        }
    }

    /**
     * Stores {@code version} as the key's latest, only on top of {@code version - 1}: otherwise another instance moved
     * the key meanwhile, and this instance's state is stale. (A key without a row has never been published: its first
     * version is 1, and rows are never deleted.)
     */
    public void advanceVersion(FrameworkPeriodKey key, long version) {
        int written = update(ADVANCE_VERSION, key.frameworkId(), key.period(), version, OffsetDateTime.now(ZoneOffset.UTC));
        if (written != 1) {
            throw new IllegalStateException("Version " + version + " of " + key + " does not follow the stored one; reloading");
        }
    }

    public void storeSensitivity(FrameworkPeriodKey key, String sensitivity, long version) {
        update(STORE_SENSITIVITY, sensitivity, version, key.frameworkId(), key.period());
    }

    public void storeOffsets(String topic, Map<Integer, Long> nextOffsets) {
        if (!nextOffsets.isEmpty()) {
            update(UPSERT_OFFSETS, topic, new Column("int4", nextOffsets.keySet().toArray()),
                    new Column("int8", nextOffsets.values().toArray()));
        }
    }

    public void writeOutbox(String topic, String key, byte[] payload) {
        update(Outbox.INSERT, topic, key, payload);
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

    /** Runs one statement; a {@link Column} parameter is bound as an array, any other as a value. */
    private static int update(String sql, Object... parameters) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof Column column) {
                        statement.setArray(i + 1, connection.createArrayOf(column.type(), column.values()));
                    } else {
                        statement.setObject(i + 1, parameters[i]);
                    }
                }
                return statement.executeUpdate();
            }
        });
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}

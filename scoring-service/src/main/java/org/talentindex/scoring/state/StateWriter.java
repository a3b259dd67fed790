package org.talentindex.scoring.state;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

/**
 * Writes a batch's cell values and published scores in the current transaction, each table in one upsert statement
 * whose rows travel as array parameters: one round trip and one statement execution per table, whatever the row count.
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

    /** Cells of distinct (framework, period, region, indicator): one statement cannot update a row twice. */
    public void upsertCells(Collection<Cell> cells) {
        if (!cells.isEmpty()) {
            execute(UPSERT_CELLS, texts(cells, Cell::frameworkId), texts(cells, Cell::period), texts(cells, Cell::region),
                    texts(cells, Cell::indicator), numbers(cells, Cell::value), integers(cells, Cell::revision),
                    texts(cells, Cell::source), texts(cells, Cell::updateId));
        }
    }

    /** Scores of distinct (framework, period, region). */
    public void upsertScores(Collection<Score> scores) {
        if (!scores.isEmpty()) {
            execute(UPSERT_SCORES, texts(scores, Score::frameworkId), texts(scores, Score::period), texts(scores, Score::region),
                    texts(scores, Score::status), numbers(scores, Score::score), integers(scores, Score::rank),
                    texts(scores, Score::levels));
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

    private static void execute(String sql, Column... columns) {
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.length; i++) {
                    statement.setArray(i + 1, connection.createArrayOf(columns[i].type(), columns[i].values()));
                }
                statement.executeUpdate();
            }
        });
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}

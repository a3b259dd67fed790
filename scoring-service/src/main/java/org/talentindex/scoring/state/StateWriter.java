package org.talentindex.scoring.state;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.Collection;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

/**
 * Writes a batch's cell values and published scores as JDBC batches of upserts in the current transaction: one round
 * trip per table instead of a read and a write per row.
 */
@ApplicationScoped
public class StateWriter {

    public record Cell(String frameworkId, String period, String region, String indicator, double value, int revision,
                       String source, String updateId) {
    }

    public record Score(String frameworkId, String period, String region, String status, Double score, int rank, String levels) {
    }

    private static final String UPSERT_CELL = """
            insert into cell_value (framework_id, period, region, indicator, value, revision, source, update_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (framework_id, period, region, indicator) do update
            set value = excluded.value, revision = excluded.revision, source = excluded.source, update_id = excluded.update_id""";

    private static final String UPSERT_SCORE = """
            insert into region_score (framework_id, period, region, status, score, rank, levels)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (framework_id, period, region) do update
            set status = excluded.status, score = excluded.score, rank = excluded.rank, levels = excluded.levels""";

    public void upsertCells(Collection<Cell> cells) {
        if (cells.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_CELL)) {
                for (Cell cell : cells) {
                    statement.setString(1, cell.frameworkId());
                    statement.setString(2, cell.period());
                    statement.setString(3, cell.region());
                    statement.setString(4, cell.indicator());
                    statement.setDouble(5, cell.value());
                    statement.setInt(6, cell.revision());
                    statement.setString(7, cell.source());
                    statement.setString(8, cell.updateId());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    public void upsertScores(Collection<Score> scores) {
        if (scores.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_SCORE)) {
                for (Score score : scores) {
                    statement.setString(1, score.frameworkId());
                    statement.setString(2, score.period());
                    statement.setString(3, score.region());
                    statement.setString(4, score.status());
                    if (score.score() == null) {
                        statement.setNull(5, Types.DOUBLE);
                    } else {
                        statement.setDouble(5, score.score());
                    }
                    statement.setInt(6, score.rank());
                    statement.setString(7, score.levels());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}

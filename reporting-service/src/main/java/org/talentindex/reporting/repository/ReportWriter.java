package org.talentindex.reporting.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

/**
 * Writes what a batch changed in a framework-period, in the current transaction and without managed entities: the
 * changed regions in one upsert whose rows travel as array parameters, and the report row.
 */
@ApplicationScoped
public class ReportWriter {

    private static final String LOCK_VERSION = "select version from report where framework_id = ? and period = ? for update";

    private static final String UPSERT_REGIONS = """
            insert into report_region (framework_id, period, region, status, score, rank, previous_rank, changed_version, levels)
            select ?, ?, * from unnest(?::text[], ?::text[], ?::float8[], ?::int[], ?::int[], ?::int8[], ?::text[])
            on conflict (framework_id, period, region) do update
            set status = excluded.status, score = excluded.score, rank = excluded.rank, previous_rank = excluded.previous_rank,
                changed_version = excluded.changed_version, levels = excluded.levels""";

    private static final String DELETE_REGIONS = "delete from report_region where framework_id = ? and period = ? and region = any(?::text[])";

    private static final String INSERT_REPORT = """
            insert into report (version, generated_at, document, sensitivity, latest_change, framework_id, period)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE_REPORT = """
            update report set version = ?, generated_at = ?, document = ?, sensitivity = ?, latest_change = ?
            where framework_id = ? and period = ?""";

    /** The stored version of a framework-period, its row locked until the transaction ends; empty when there is none. */
    public OptionalLong lockVersion(Report.Id key) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LOCK_VERSION)) {
                statement.setString(1, key.frameworkId());
                statement.setString(2, key.period());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** Regions of one framework-period, each once. */
    public void upsertRegions(Report.Id key, Collection<ReportRegion> rows) {
        if (!rows.isEmpty()) {
            execute(UPSERT_REGIONS, (connection, statement) -> {
                statement.setString(1, key.frameworkId());
                statement.setString(2, key.period());
                statement.setArray(3, connection.createArrayOf("text", column(rows, r -> r.region, String[]::new)));
                statement.setArray(4, connection.createArrayOf("text", column(rows, r -> r.status, String[]::new)));
                statement.setArray(5, connection.createArrayOf("float8", column(rows, r -> r.score, Double[]::new)));
                statement.setArray(6, connection.createArrayOf("int4", column(rows, r -> r.rank, Integer[]::new)));
                statement.setArray(7, connection.createArrayOf("int4", column(rows, r -> r.previousRank, Integer[]::new)));
                statement.setArray(8, connection.createArrayOf("int8", column(rows, r -> r.changedVersion, Long[]::new)));
                statement.setArray(9, connection.createArrayOf("text", column(rows, r -> r.levels, String[]::new)));
            });
        }
    }

    public void deleteRegions(Report.Id key, Collection<String> regions) {
        if (!regions.isEmpty()) {
            execute(DELETE_REGIONS, (connection, statement) -> {
                statement.setString(1, key.frameworkId());
                statement.setString(2, key.period());
                statement.setArray(3, connection.createArrayOf("text", regions.toArray(String[]::new)));
            });
        }
    }

    /** Inserts a framework-period's first report (two writers of a new one collide on the key) or updates the locked one. */
    public void save(Report report, boolean isNew) {
        execute(isNew ? INSERT_REPORT : UPDATE_REPORT, (connection, statement) -> {
            statement.setLong(1, report.version);
            statement.setTimestamp(2, Timestamp.from(report.generatedAt.toInstant()));
            statement.setString(3, report.document);
            statement.setString(4, report.sensitivity);
            statement.setString(5, report.latestChange);
            statement.setString(6, report.frameworkId);
            statement.setString(7, report.period);
        });
    }

    @FunctionalInterface
    private interface Parameters {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private static void execute(String sql, Parameters parameters) {
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(connection, statement);
                statement.executeUpdate();
            }
        });
    }

    private static <T> T[] column(Collection<ReportRegion> rows, Function<ReportRegion, T> value,
                                  IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}

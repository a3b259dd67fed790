package org.talentindex.reporting.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.talentindex.reporting.repository.ReportRegion.PeriodScore;

/**
 * The statements of a batch, in the current transaction and without managed entities. Each takes every framework-period
 * of the batch at once (rows travel as array parameters or as one JDBC batch), so that a batch makes the same few round
 * trips to the database however many framework-periods it changes.
 */
@ApplicationScoped
public class ReportWriter {

    private static final String LOCK_VERSIONS = """
            select r.framework_id, r.period, r.version
            from report r join unnest(?::text[], ?::text[]) as k(framework_id, period)
                 on r.framework_id = k.framework_id and r.period = k.period
            order by r.framework_id, r.period
            for update of r""";

    private static final String UPSERT_REGIONS = """
            insert into report_region (framework_id, period, region, status, score, rank, previous_rank, changed_version, levels)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::int[], ?::int[], ?::int8[], ?::text[])
            on conflict (framework_id, period, region) do update
            set status = excluded.status, score = excluded.score, rank = excluded.rank, previous_rank = excluded.previous_rank,
                changed_version = excluded.changed_version, levels = excluded.levels""";

    private static final String DELETE_REGIONS = "delete from report_region where framework_id = ? and period = ? and region = any(?::text[])";

    /** Per framework-period, every region of the latest earlier period that has regions. */
    private static final String PREVIOUS_PERIOD_SCORES = """
            select k.framework_id, k.period, r.period, r.region, r.rank, r.score
            from unnest(?::text[], ?::text[]) as k(framework_id, period)
            cross join lateral (select max(p.period) as period from report_region p
                                where p.framework_id = k.framework_id and p.period < k.period) as previous
            join report_region r on r.framework_id = k.framework_id and r.period = previous.period""";

    private static final String INSERT_REPORT = """
            insert into report (version, generated_at, document, sensitivity, latest_change, warnings, framework_id, period)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE_REPORT = """
            update report set version = ?, generated_at = ?, document = ?, sensitivity = ?, latest_change = ?, warnings = ?
            where framework_id = ? and period = ?""";

    /** The stored versions of the framework-periods that have one, their rows locked (in key order) until the transaction ends. */
    public Map<Report.Id, Long> lockVersions(Collection<Report.Id> keys) {
        return query(LOCK_VERSIONS, keys, (row, versions) ->
                versions.put(new Report.Id(row.getString(1), row.getString(2)), row.getLong(3)));
    }

    /** Every region of the latest earlier period that has regions, per framework-period (none when there is no such period). */
    public Map<Report.Id, List<PeriodScore>> previousPeriodScores(Collection<Report.Id> keys) {
        return query(PREVIOUS_PERIOD_SCORES, keys, (row, scores) ->
                scores.computeIfAbsent(new Report.Id(row.getString(1), row.getString(2)), key -> new ArrayList<>())
                        .add(new PeriodScore(row.getString(3), row.getString(4), row.getInt(5), (Double) row.getObject(6))));
    }

    /** Regions, each (framework-period, region) once. */
    public void upsertRegions(Collection<ReportRegion> rows) {
        if (!rows.isEmpty()) {
            execute(UPSERT_REGIONS, (connection, statement) -> {
                statement.setArray(1, connection.createArrayOf("text", column(rows, r -> r.frameworkId, String[]::new)));
                statement.setArray(2, connection.createArrayOf("text", column(rows, r -> r.period, String[]::new)));
                statement.setArray(3, connection.createArrayOf("text", column(rows, r -> r.region, String[]::new)));
                statement.setArray(4, connection.createArrayOf("text", column(rows, r -> r.status, String[]::new)));
                statement.setArray(5, connection.createArrayOf("float8", column(rows, r -> r.score, Double[]::new)));
                statement.setArray(6, connection.createArrayOf("int4", column(rows, r -> r.rank, Integer[]::new)));
                statement.setArray(7, connection.createArrayOf("int4", column(rows, r -> r.previousRank, Integer[]::new)));
                statement.setArray(8, connection.createArrayOf("int8", column(rows, r -> r.changedVersion, Long[]::new)));
                statement.setArray(9, connection.createArrayOf("text", column(rows, r -> r.levels, String[]::new)));
                statement.executeUpdate();
            });
        }
    }

    public void deleteRegions(Report.Id key, Collection<String> regions) {
        if (!regions.isEmpty()) {
            execute(DELETE_REGIONS, (connection, statement) -> {
                statement.setString(1, key.frameworkId());
                statement.setString(2, key.period());
                statement.setArray(3, connection.createArrayOf("text", regions.toArray(String[]::new)));
                statement.executeUpdate();
            });
        }
    }

    /**
     * Inserts framework-periods' first reports (two writers of a new one collide on the key) and updates the locked
     * ones, as one JDBC batch each.
     */
    public void save(Collection<Report> created, Collection<Report> updated) {
        saveAll(INSERT_REPORT, created);
        saveAll(UPDATE_REPORT, updated);
    }

    private static void saveAll(String sql, Collection<Report> reports) {
        if (reports.isEmpty()) {
            return;
        }
        execute(sql, (connection, statement) -> {
            for (Report report : reports) {
                statement.setLong(1, report.version);
                statement.setTimestamp(2, Timestamp.from(report.generatedAt.toInstant()));
                statement.setBytes(3, StoredDocument.encode(report.document));
                statement.setString(4, report.sensitivity);
                statement.setString(5, report.latestChange);
                statement.setString(6, report.warnings);
                statement.setString(7, report.frameworkId);
                statement.setString(8, report.period);
                statement.addBatch();
            }
            statement.executeBatch();
        });
    }

    @FunctionalInterface
    private interface RowReader<T> {
        void read(ResultSet row, Map<Report.Id, T> into) throws SQLException;
    }

    /** Runs a query whose two array parameters are the keys' framework ids and periods. */
    private static <T> Map<Report.Id, T> query(String sql, Collection<Report.Id> keys, RowReader<T> reader) {
        Map<Report.Id, T> found = new HashMap<>();
        if (!keys.isEmpty()) {
            execute(sql, (connection, statement) -> {
                statement.setArray(1, connection.createArrayOf("text", keys.stream().map(Report.Id::frameworkId).toArray(String[]::new)));
                statement.setArray(2, connection.createArrayOf("text", keys.stream().map(Report.Id::period).toArray(String[]::new)));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows, found);
                    }
                }
            });
        }
        return found;
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private static void execute(String sql, Work work) {
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                work.run(connection, statement);
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

package org.talentindex.ingestion.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.talentindex.ingestion.repository.ObservationRepository.Stored;
import org.talentindex.ingestion.repository.ObservationRepository.StoredChunk;
import org.talentindex.ingestion.validation.ValidObservation;

/**
 * Stores one chunk of observations in four statements: find the keys already stored, read the latest revision of each
 * cell, insert the new rows, record them as not yet forwarded. Every input value travels as a bound array parameter.
 * Takes no locks: a writer that stored the same key or the same revision of a cell concurrently makes the insert fail on
 * a unique constraint, and the caller stores the chunk again (see {@link ObservationRepository#isWriteConflict}).
 */
final class ChunkWriter {

    private static final String EXISTING =
            "select " + ObservationRows.COLUMNS + " from observation o where o.observation_key = any(?::text[])";

    /** Per cell one backward step in the cell-revision index, however many revisions the cell has. */
    private static final String LATEST_REVISIONS = """
            select c.region, c.indicator, c.period,
                   (select max(o.revision) from observation o
                    where o.region = c.region and o.indicator = c.indicator and o.period = c.period)
            from unnest(?::text[], ?::text[], ?::text[]) as c(region, indicator, period)""";

    private static final String INSERT = """
            insert into observation (id, observation_key, region, indicator, period, revision, value_received, unit_received,
                                     canonical_value, canonical_unit, source, sender, received_at)
            select nextval('observation_seq'), r.observation_key, r.region, r.indicator, r.period, r.revision, r.value_received,
                   r.unit_received, r.canonical_value, r.canonical_unit, r.source, ?, ?
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::float8[], ?::text[], ?::float8[], ?::text[], ?::text[])
                 with ordinality as r(observation_key, region, indicator, period, revision, value_received, unit_received,
                                      canonical_value, canonical_unit, source, position)
            order by r.position
            returning id, observation_key""";

    private final Connection connection;
    private final String sender;
    private final OffsetDateTime receivedAt;

    ChunkWriter(Connection connection, String sender, OffsetDateTime receivedAt) {
        this.connection = connection;
        this.sender = sender;
        this.receivedAt = receivedAt;
    }

    StoredChunk append(List<ValidObservation> observations) throws SQLException {
        if (observations.isEmpty()) {
            return new StoredChunk(List.of(), null);
        }
        Map<String, Observation> known = existing(observations);
        Map<String, Integer> latest = latestRevisions(observations);
        List<Stored> results = new ArrayList<>(observations.size());
        List<Observation> fresh = new ArrayList<>();
        for (ValidObservation valid : observations) {
            Observation already = known.get(valid.observationKey());
            if (already != null) {
                results.add(new Stored(already, true));
                continue;
            }
            Observation row = newRow(valid, latest.merge(cell(valid), 1, (previous, one) -> previous + 1));
            known.put(row.observationKey, row);
            fresh.add(row);
            results.add(new Stored(row, false));
        }
        if (fresh.isEmpty()) {
            return new StoredChunk(results, null);
        }
        insert(fresh);
        Long[] ids = fresh.stream().map(row -> row.id).toArray(Long[]::new);
        return new StoredChunk(results, new UnforwardedChunks(connection).add(ids, receivedAt));
    }

    private Map<String, Observation> existing(List<ValidObservation> observations) throws SQLException {
        Map<String, Observation> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(EXISTING)) {
            statement.setArray(1, texts(observations.stream().map(ValidObservation::observationKey).distinct().toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Observation row = ObservationRows.read(rows);
                    found.put(row.observationKey, row);
                }
            }
        }
        return found;
    }

    private Map<String, Integer> latestRevisions(List<ValidObservation> observations) throws SQLException {
        Map<String, ValidObservation> cells = new LinkedHashMap<>();
        observations.forEach(o -> cells.putIfAbsent(cell(o), o));
        Map<String, Integer> latest = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LATEST_REVISIONS)) {
            statement.setArray(1, texts(cells.values().stream().map(ValidObservation::region).toArray(String[]::new)));
            statement.setArray(2, texts(cells.values().stream().map(ValidObservation::indicator).toArray(String[]::new)));
            statement.setArray(3, texts(cells.values().stream().map(ValidObservation::period).toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int revision = rows.getInt(4);
                    if (!rows.wasNull()) {
                        latest.put(cell(rows.getString(1), rows.getString(2), rows.getString(3)), revision);
                    }
                }
            }
        }
        return latest;
    }

    private void insert(List<Observation> rows) throws SQLException {
        int n = rows.size();
        String[] keys = new String[n], regions = new String[n], indicators = new String[n], periods = new String[n];
        String[] unitsReceived = new String[n], canonicalUnits = new String[n], sources = new String[n];
        Integer[] revisions = new Integer[n];
        Double[] valuesReceived = new Double[n], canonicalValues = new Double[n];
        for (int i = 0; i < n; i++) {
            Observation row = rows.get(i);
            keys[i] = row.observationKey;
            regions[i] = row.region;
            indicators[i] = row.indicator;
            periods[i] = row.period;
            revisions[i] = row.revision;
            valuesReceived[i] = row.valueReceived;
            unitsReceived[i] = row.unitReceived;
            canonicalValues[i] = row.canonicalValue;
            canonicalUnits[i] = row.canonicalUnit;
            sources[i] = row.source;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, sender);
            statement.setTimestamp(2, Timestamp.from(receivedAt.toInstant()));
            statement.setArray(3, texts(keys));
            statement.setArray(4, texts(regions));
            statement.setArray(5, texts(indicators));
            statement.setArray(6, texts(periods));
            statement.setArray(7, connection.createArrayOf("int4", revisions));
            statement.setArray(8, connection.createArrayOf("float8", valuesReceived));
            statement.setArray(9, texts(unitsReceived));
            statement.setArray(10, connection.createArrayOf("float8", canonicalValues));
            statement.setArray(11, texts(canonicalUnits));
            statement.setArray(12, texts(sources));
            Map<String, Observation> byKey = new HashMap<>();
            rows.forEach(row -> byKey.put(row.observationKey, row));
            try (ResultSet ids = statement.executeQuery()) {
                while (ids.next()) {
                    byKey.get(ids.getString(2)).id = ids.getLong(1);
                }
            }
        }
    }

    private Observation newRow(ValidObservation valid, int revision) {
        Observation row = new Observation();
        row.observationKey = valid.observationKey();
        row.region = valid.region();
        row.indicator = valid.indicator();
        row.period = valid.period();
        row.revision = revision;
        row.valueReceived = valid.valueReceived();
        row.unitReceived = valid.unitReceived();
        row.canonicalValue = valid.canonicalValue();
        row.canonicalUnit = valid.canonicalUnit();
        row.source = valid.source();
        row.sender = sender;
        row.receivedAt = receivedAt;
        return row;
    }

    private Array texts(String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    private static String cell(ValidObservation o) {
        return cell(o.region(), o.indicator(), o.period());
    }

    private static String cell(String region, String indicator, String period) {
        return region + "|" + indicator + "|" + period;
    }
}

package org.talentindex.ingestion.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.talentindex.ingestion.repository.ObservationRepository.Stored;
import org.talentindex.ingestion.repository.ObservationRepository.Stored.Kind;
import org.talentindex.ingestion.repository.ObservationRepository.StoredChunk;
import org.talentindex.ingestion.validation.ValidObservation;

/**
 * Stores one chunk of observations in two statements: find the keys already stored with the latest revision of each
 * cell ({@link LatestRevisions} knows it for recently written cells), then insert the new rows and record them as not
 * yet forwarded. Every input value travels as a bound array parameter.
 * Takes no locks: a writer that stored the same key or the same revision of a cell concurrently makes the insert fail on
 * a unique constraint, and the caller stores the chunk again (see {@link StorageFailure#CONCURRENT_WRITE}).
 */
final class ChunkWriter {

    /**
     * Per distinct observation key: the row already stored under it, if any, and, when asked, the latest revision of its
     * cell (one backward step in the cell-revision index, however many revisions the cell has).
     */
    private static final String KNOWN = "select c.observation_key as input_key, " + ObservationRows.COLUMNS + """
            ,
                   case when c.revision_asked then
                       (select max(r.revision) from observation r
                        where r.region = c.region and r.indicator = c.indicator and r.period = c.period) end as latest_revision
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bool[]) as c(observation_key, region, indicator, period, revision_asked)
            left join observation o on o.observation_key = c.observation_key""";

    /** Inserts the new rows and records them as one unforwarded chunk. */
    private static final String INSERT = """
            with inserted as (
            insert into observation (id, observation_key, region, indicator, period, revision, value_received, unit_received,
                                     canonical_value, canonical_unit, source, sender, received_at)
            select nextval('observation_seq'), r.observation_key, r.region, r.indicator, r.period, r.revision, r.value_received,
                   r.unit_received, r.canonical_value, r.canonical_unit, r.source, ?, ?
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::float8[], ?::text[], ?::float8[], ?::text[], ?::text[])
                 with ordinality as r(observation_key, region, indicator, period, revision, value_received, unit_received,
                                      canonical_value, canonical_unit, source, position)
            order by r.position
            returning id, observation_key),
            chunk as (insert into unforwarded_chunk (observation_ids, stored_at) select array_agg(id), ? from inserted returning id)
            select i.id, i.observation_key, chunk.id from inserted i cross join chunk""";

    private static final Comparator<Observation> INSERT_ORDER = Comparator.<Observation, String>comparing(row -> row.region)
            .thenComparing(row -> row.indicator).thenComparing(row -> row.period).thenComparingInt(row -> row.revision)
            .thenComparing(row -> row.observationKey);

    private final Connection connection;
    private final LatestRevisions latestRevisions;
    private final String sender;
    private final OffsetDateTime receivedAt;

    ChunkWriter(Connection connection, LatestRevisions latestRevisions, String sender, OffsetDateTime receivedAt) {
        this.connection = connection;
        this.latestRevisions = latestRevisions;
        this.sender = sender;
        this.receivedAt = receivedAt;
    }

    StoredChunk append(List<ValidObservation> observations) throws SQLException {
        if (observations.isEmpty()) {
            return new StoredChunk(List.of(), null);
        }
        Map<String, Observation> known = new HashMap<>();
        Map<String, Integer> latest = new HashMap<>(latestRevisions.known(observations.stream().map(ChunkWriter::cell).toList()));
        readKnown(observations, known, latest);
        List<Stored> results = new ArrayList<>(observations.size());
        List<Observation> fresh = new ArrayList<>();
        for (ValidObservation valid : observations) {
            Observation already = known.get(valid.observationKey());
            if (already != null) {
                results.add(new Stored(already, sameContent(already, valid) ? Kind.DUPLICATE : Kind.CONFLICTING));
                continue;
            }
            Observation row = newRow(valid, latest.merge(cell(valid), 1, (previous, one) -> previous + 1));
            known.put(row.observationKey, row);
            fresh.add(row);
            results.add(new Stored(row, Kind.NEW));
        }
        if (fresh.isEmpty()) {
            return new StoredChunk(results, null);
        }
        Map<String, Integer> written = new HashMap<>();
        fresh.forEach(row -> written.merge(cell(row), row.revision, Math::max));
        latestRevisions.writtenInCurrentTransaction(written);
        return new StoredChunk(results, insert(fresh));
    }

    private void readKnown(List<ValidObservation> observations, Map<String, Observation> known, Map<String, Integer> latest)
            throws SQLException {
        Map<String, ValidObservation> byKey = new LinkedHashMap<>();
        observations.forEach(o -> byKey.putIfAbsent(o.observationKey(), o));
        Collection<ValidObservation> distinct = byKey.values();
        try (PreparedStatement statement = connection.prepareStatement(KNOWN)) {
            statement.setArray(1, texts(distinct.stream().map(ValidObservation::observationKey).toArray(String[]::new)));
            statement.setArray(2, texts(distinct.stream().map(ValidObservation::region).toArray(String[]::new)));
            statement.setArray(3, texts(distinct.stream().map(ValidObservation::indicator).toArray(String[]::new)));
            statement.setArray(4, texts(distinct.stream().map(ValidObservation::period).toArray(String[]::new)));
            statement.setArray(5, connection.createArrayOf("bool", distinct.stream().map(o -> !latest.containsKey(cell(o))).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString("observation_key") != null) {
                        Observation row = ObservationRows.read(rows);
                        known.put(row.observationKey, row);
                    }
                    int revision = rows.getInt("latest_revision");
                    if (!rows.wasNull()) {
                        latest.put(cell(byKey.get(rows.getString("input_key"))), revision);
                    }
                }
            }
        }
    }

    /**
     * Returns the id of the unforwarded chunk that names the new rows. The rows go in in the order of their cells and keys,
     * the same in every transaction, so that concurrent writers of the same cells wait for each other instead of deadlocking.
     */
    private long insert(List<Observation> fresh) throws SQLException {
        List<Observation> rows = fresh.stream().sorted(INSERT_ORDER).toList();
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
            statement.setTimestamp(13, Timestamp.from(receivedAt.toInstant()));
            Map<String, Observation> byKey = new HashMap<>();
            rows.forEach(row -> byKey.put(row.observationKey, row));
            long chunkId = 0;
            try (ResultSet ids = statement.executeQuery()) {
                while (ids.next()) {
                    byKey.get(ids.getString(2)).id = ids.getLong(1);
                    chunkId = ids.getLong(3);
                }
            }
            return chunkId;
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

    /** What the sender said: a re-sent observation id with other content is a conflict, not a duplicate. */
    private static boolean sameContent(Observation stored, ValidObservation received) {
        return stored.region.equals(received.region()) && stored.indicator.equals(received.indicator())
                && stored.period.equals(received.period()) && Double.compare(stored.valueReceived, received.valueReceived()) == 0
                && stored.unitReceived.equals(received.unitReceived()) && stored.source.equals(received.source());
    }

    private Array texts(String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    private static String cell(ValidObservation o) {
        return LatestRevisions.cell(o.region(), o.indicator(), o.period());
    }

    private static String cell(Observation row) {
        return LatestRevisions.cell(row.region, row.indicator, row.period);
    }
}

package org.talentindex.ingestion.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.talentindex.ingestion.repository.ObservationRepository.Unforwarded;

/**
 * The chunks whose new observations Kafka has not acknowledged yet: one row per stored chunk (its observation ids),
 * written by the chunk's insert (see {@link ChunkWriter}) and deleted once forwarded, so the observation rows themselves
 * are never updated.
 */
final class UnforwardedChunks {

    private static final String STORED_BEFORE = "select u.id as chunk_id, " + ObservationRows.COLUMNS + """

            from (select id, observation_ids from unforwarded_chunk where stored_at < ? order by id limit ?) u
            join observation o on o.id = any(u.observation_ids)
            order by u.id, o.id""";

    private static final String REMOVE = "delete from unforwarded_chunk where id = any(?)";

    private final Connection connection;

    UnforwardedChunks(Connection connection) {
        this.connection = connection;
    }

    List<Unforwarded> storedBefore(OffsetDateTime before, int maxChunks) throws SQLException {
        Map<Long, List<Observation>> chunks = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(STORED_BEFORE)) {
            statement.setTimestamp(1, Timestamp.from(before.toInstant()));
            statement.setInt(2, maxChunks);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    chunks.computeIfAbsent(rows.getLong("chunk_id"), id -> new ArrayList<>()).add(ObservationRows.read(rows));
                }
            }
        }
        return chunks.entrySet().stream().map(chunk -> new Unforwarded(chunk.getKey(), chunk.getValue())).toList();
    }

    /**
     * Forgets forwarded chunks. The commit does not wait for the disk: should the server crash before the deletion is
     * durable, the chunk is merely forwarded a second time, which consumers of indicator-updates ignore (same revision).
     */
    void remove(List<Long> chunkIds) throws SQLException {
        try (Statement settings = connection.createStatement();
             PreparedStatement statement = connection.prepareStatement(REMOVE)) {
            settings.execute("set local synchronous_commit = off");
            statement.setArray(1, connection.createArrayOf("int8", chunkIds.toArray(Long[]::new)));
            statement.executeUpdate();
        }
    }
}

package org.talentindex.scoring.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The outbox table: events written in the transaction of the state change that caused them, kept until the relay has
 * published them, in id order.
 */
public final class Outbox {

    /** An event waiting to be published; the payload as stored, UTF-8 JSON, handed to Kafka without decoding. */
    public record Event(long id, String topic, String key, byte[] payload) {
    }

    static final String INSERT = """
            insert into outbox_event (id, topic, event_key, payload, created_at)
            values (nextval('outbox_event_seq'), ?, ?, ?, now())""";

    private Outbox() {
    }

    /** The oldest events, after deleting the published ones (none: empty) in the same round trip. */
    public static List<Event> oldest(Connection connection, Collection<Long> published, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "delete from outbox_event where id = any(?);\nselect id, topic, event_key, payload from outbox_event order by id limit ?")) {
            statement.setArray(1, connection.createArrayOf("int8", published.toArray()));
            statement.setInt(2, limit);
            statement.execute();
            statement.getMoreResults();
            List<Event> events = new ArrayList<>();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    events.add(new Event(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBytes(4)));
                }
            }
            return events;
        }
    }

    public static void delete(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("int8", ids.toArray()));
            delete.executeUpdate();
        }
    }
}

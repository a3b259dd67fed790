package org.talentindex.ingestion.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reads observation rows selected with {@link #COLUMNS} over plain JDBC. */
final class ObservationRows {

    static final String COLUMNS = """
            o.id, o.observation_key, o.region, o.indicator, o.period, o.revision, o.value_received, o.unit_received,
            o.canonical_value, o.canonical_unit, o.source, o.sender, o.received_at""";

    private ObservationRows() {
    }

    static Observation read(ResultSet rows) throws SQLException {
        Observation row = new Observation();
        row.id = rows.getLong("id");
        row.observationKey = rows.getString("observation_key");
        row.region = rows.getString("region");
        row.indicator = rows.getString("indicator");
        row.period = rows.getString("period");
        row.revision = rows.getInt("revision");
        row.valueReceived = rows.getDouble("value_received");
        row.unitReceived = rows.getString("unit_received");
        row.canonicalValue = rows.getDouble("canonical_value");
        row.canonicalUnit = rows.getString("canonical_unit");
        row.source = rows.getString("source");
        row.sender = rows.getString("sender");
        row.receivedAt = rows.getObject("received_at", OffsetDateTime.class);
        return row;
    }
}

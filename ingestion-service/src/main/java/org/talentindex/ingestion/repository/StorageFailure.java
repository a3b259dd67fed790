package org.talentindex.ingestion.repository;

import java.sql.SQLException;

/** What a failure to store a chunk means for storing it again, told by the PostgreSQL SQLState. */
public enum StorageFailure {
    /**
     * A concurrent transaction stored the same observation key or the same revision of a cell first (unique violation),
     * or PostgreSQL broke a deadlock or a serialization conflict: storing the chunk again succeeds.
     */
    CONCURRENT_WRITE,
    /** The data of some record was refused (data exception, integrity or program limit): storing it again fails again. */
    BAD_RECORD,
    /** Anything else, e.g. the database is unavailable: worth retrying later. */
    OTHER;

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";

    public static StorageFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals(UNIQUE_VIOLATION) || state.equals(SERIALIZATION_FAILURE) || state.equals(DEADLOCK_DETECTED)) {
                    return CONCURRENT_WRITE;
                }
                if (state.startsWith("22") || state.startsWith("23") || state.startsWith("54")) {
                    return BAD_RECORD;
                }
            }
        }
        return OTHER;
    }
}

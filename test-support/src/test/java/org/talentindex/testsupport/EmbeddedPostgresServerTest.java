package org.talentindex.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedPostgresServerTest {

    @ParameterizedTest
    @CsvSource({"true, on", "false, off"})
    void flushesCommitsToDiskOnlyWhenDurable(boolean durable, String expected, @TempDir Path directory) throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("postgres"), durable);
             Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres",
                     EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            assertEquals(expected, setting(statement, "fsync"));
            assertEquals(expected, setting(statement, "synchronous_commit"));
        }
    }

    @Test
    void aKilledServerIsCrashedNotShutDownAndComesBackWithEveryCommittedRow(@TempDir Path directory) throws SQLException {
        Path data = directory.resolve("postgres");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, true);
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE acknowledged (n int)");
            statement.execute("INSERT INTO acknowledged VALUES (42)");
        }
        server.kill();
        assertTrue(Files.exists(data.resolve("postmaster.pid")), "a shut-down server removes its lock file, a crashed one cannot");

        try (EmbeddedPostgresServer again = server.restart(); Connection connection = connect(again);
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT n FROM acknowledged")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres",
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

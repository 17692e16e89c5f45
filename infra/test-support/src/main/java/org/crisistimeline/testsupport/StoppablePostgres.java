package org.crisistimeline.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server of one test's own, which the test stops and starts again on the same port and data, as an outage
 * or a restart of the database looks to a service. The shared server of {@link TestInfrastructure} is left alone.
 */
public final class StoppablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;
    private boolean running;

    public StoppablePostgres() {
        try {
            dataDirectory = Files.createTempDirectory("stoppable-postgres");
            server = builder(0).start();
            running = true;
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** A JDBC URL of the named database, created on first use: a stack of several services on this one server. */
    public String jdbcUrl(String database) {
        var server = new TestInfrastructure.PostgresServer(
                "jdbc:postgresql://localhost:" + port + "/", username(), password());
        if (!"postgres".equals(database)) {
            server.createDatabaseIfMissing(database);
        }
        return server.jdbcUrl(database);
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** Stops the server as an administrator would ({@code pg_ctl stop -m fast}): its connections are cut. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            server.close();
            running = false;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL", e);
        }
    }

    /** Starts the server again on the same port with the same data. */
    public synchronized void start() {
        try {
            server = builder(port).start();
            running = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL again", e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private EmbeddedPostgres.Builder builder(int fixedPort) {
        var builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        return fixedPort == 0 ? builder : builder.setPort(fixedPort);
    }
}

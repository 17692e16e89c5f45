package org.crisistimeline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * The running stack the benchmark measures, as infra/bench.sh started it: its URLs, databases, broker, tokens and
 * the jar a rebuild starts again. Everything comes from the environment that bench.sh sets.
 */
public record Stack(
        URI commandUrl,
        URI queryUrl,
        String eventsJdbcUrl,
        String queryJdbcUrl,
        String rebuildJdbcUrl,
        String dbUser,
        String dbPassword,
        String kafkaBootstrap,
        Path runDir,
        String marker,
        Path queryServiceJar,
        int rebuildPort,
        String recorderToken,
        String editorToken,
        String jwtPublicKey) {

    static Stack fromEnvironment(Map<String, String> env) {
        return new Stack(
                URI.create(required(env, "BENCH_COMMAND_URL")),
                URI.create(required(env, "BENCH_QUERY_URL")),
                required(env, "BENCH_EVENTS_JDBC_URL"),
                required(env, "BENCH_QUERY_JDBC_URL"),
                required(env, "BENCH_REBUILD_JDBC_URL"),
                required(env, "BENCH_DB_USER"),
                required(env, "BENCH_DB_PASSWORD"),
                required(env, "BENCH_KAFKA"),
                Path.of(required(env, "BENCH_RUN_DIR")),
                required(env, "BENCH_MARKER"),
                Path.of(required(env, "BENCH_QUERY_SERVICE_JAR")),
                Integer.parseInt(required(env, "BENCH_REBUILD_PORT")),
                required(env, "BENCH_RECORDER_TOKEN"),
                required(env, "BENCH_EDITOR_TOKEN"),
                required(env, "BENCH_JWT_PUBLIC_KEY"));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: run the benchmark with infra/bench.sh");
        }
        return value;
    }

    public Connection events() throws SQLException {
        return connect(eventsJdbcUrl);
    }

    public Connection query() throws SQLException {
        return connect(queryJdbcUrl);
    }

    public Connection connect(String url) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", dbUser);
        properties.setProperty("password", dbPassword);
        // batches of inserts become multi-row inserts: what a tuned raw baseline does
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url, properties);
    }

    /** The pid of a service or the broker that start.sh started, from its pid file. */
    public long pidOf(String name) {
        try {
            return Long.parseLong(
                    Files.readString(runDir.resolve(name + ".pid")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid file for " + name + " in " + runDir, e);
        }
    }
}

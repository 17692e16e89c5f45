package org.crisistimeline.bench.timeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Grows the query service's read model to a number of synthetic incidents (scale-read-model.sql), 100,000 per
 * transaction, then analyses the tables as autovacuum would, so the planner knows their new size.
 */
final class ScaleReadModel {

    private static final int CHUNK = 100_000;

    private final String setup = resource("scale-setup.sql");
    private final String chunk = resource("scale-read-model.sql");
    private long size;

    long size() {
        return size;
    }

    /** @return how long it took, in seconds */
    double growTo(Connection query, long incidents) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = query.createStatement()) {
            if (size == 0) {
                statement.execute(setup);
            }
            query.setAutoCommit(false);
            for (long lo = size; lo < incidents; lo += CHUNK) {
                long hi = Math.min(incidents, lo + CHUNK);
                statement.execute(chunk.replace(":lo", Long.toString(lo)).replace(":hi", Long.toString(hi)));
                query.commit();
                size = hi;
            }
            query.setAutoCommit(true);
            statement.execute(
                    "ANALYZE incident_version, timeline_entry_version, incident_source, incident_named_actor");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String resource(String name) {
        try (InputStream in = ScaleReadModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

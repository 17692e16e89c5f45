package org.crisistimeline.bench.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * When each recorded incident became visible on the timelines: the query service writes an event's timeline entries
 * and its event_log row in one transaction, so the moment its event_log row is committed is the moment the country
 * timeline shows it. The read model is polled every millisecond; latency is from the 2xx of the write to the poll that
 * saw the row (a row seen before the client had its 2xx counts as 0).
 */
final class Visibility implements AutoCloseable {

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
    private final Connection query;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile SQLException failure;

    Visibility(Connection query) throws SQLException {
        this.query = query;
        long start;
        try (ResultSet head =
                query.createStatement().executeQuery("SELECT coalesce(max(position), 0) FROM event_log")) {
            head.next();
            start = head.getLong(1);
        }
        poller = new Thread(() -> poll(start), "visibility");
        poller.setDaemon(true);
        poller.start();
    }

    // synchronized with seen(): an incident is recorded once, whichever of the two comes second
    synchronized void acknowledged(String incidentId) {
        long now = System.nanoTime();
        Long seenAt = seen.remove(incidentId);
        if (seenAt != null) {
            latencies.recordValue(0);
        } else {
            acknowledged.put(incidentId, now);
        }
    }

    private void poll(long after) {
        long position = after;
        try (PreparedStatement next = query.prepareStatement(
                "SELECT position, aggregate_id FROM event_log WHERE position > ? ORDER BY position LIMIT 10000")) {
            while (running) {
                next.setLong(1, position);
                long now = System.nanoTime();
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        position = rows.getLong(1);
                        seen(rows.getString(2), now);
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    private synchronized void seen(String id, long now) {
        Long ackedAt = acknowledged.remove(id);
        if (ackedAt != null) {
            latencies.recordValue(Math.max(0, now - ackedAt));
        } else {
            seen.put(id, now);
        }
    }

    /** Waits until every acknowledged incident was seen, at most {@code timeoutMillis}; returns how many were not. */
    int awaitAll(long timeoutMillis) throws SQLException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!acknowledged.isEmpty() && System.currentTimeMillis() < deadline && failure == null) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        if (failure != null) {
            throw failure;
        }
        return acknowledged.size();
    }

    Histogram latencies() {
        return latencies;
    }

    @Override
    public void close() throws Exception {
        running = false;
        poller.join(5_000);
        query.close();
    }
}

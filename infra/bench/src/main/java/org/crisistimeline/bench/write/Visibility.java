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
    private volatile String oneAcknowledged;

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
        if (oneAcknowledged == null) {
            oneAcknowledged = incidentId;
        }
    }

    /** An incident the service acknowledged, or null: what is fetched over HTTP as a check. */
    String oneAcknowledged() {
        return oneAcknowledged;
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

    /**
     * Waits until every acknowledged incident was seen, for as long as the read model keeps catching up: it gives up
     * when {@code stalledMillis} pass without one more incident seen. A slow projection is a figure; an acknowledged
     * incident that never shows is lost, and the caller reports it.
     *
     * @return how many acknowledged incidents were not seen
     */
    int awaitAll(long stalledMillis) throws SQLException {
        int left = acknowledged.size();
        long giveUpAt = System.currentTimeMillis() + stalledMillis;
        while (!acknowledged.isEmpty() && System.currentTimeMillis() < giveUpAt && failure == null) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            if (acknowledged.size() < left) {
                left = acknowledged.size();
                giveUpAt = System.currentTimeMillis() + stalledMillis;
            }
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

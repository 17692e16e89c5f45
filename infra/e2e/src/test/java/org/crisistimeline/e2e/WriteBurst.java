package org.crisistimeline.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers recording incidents as fast as the command service answers, each keeping an ack log: the ids answered 2xx
 * (acknowledged: they must never be lost) and those answered otherwise or not at all (unknown: stored or not, a retry
 * with the same id settles it). With {@code withSource}, each recorded incident also gets a second source, its event
 * #1, so that the order of an incident's events can be checked on the topic.
 */
final class WriteBurst {

    private final FaultStack stack;
    private final String prefix;
    private final boolean withSource;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> writers = new ArrayList<>();

    /** Acknowledged events: incident id, and how many of its events were answered 2xx (1 or 2). */
    final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    /** Requests without a 2xx: the incident ids, with what came back. */
    final Map<String, String> unacknowledged = new ConcurrentHashMap<>();
    /** The number of each incident id, for its body. */
    final Map<String, Integer> numbers = new ConcurrentHashMap<>();

    private WriteBurst(FaultStack stack, String prefix, boolean withSource) {
        this.stack = stack;
        this.prefix = prefix;
        this.withSource = withSource;
    }

    static WriteBurst start(FaultStack stack, String prefix, int threads, boolean withSource) {
        var burst = new WriteBurst(stack, prefix, withSource);
        for (int i = 0; i < threads; i++) {
            Thread writer = new Thread(burst::write, prefix + "-writer-" + i);
            burst.writers.add(writer);
            writer.start();
        }
        return burst;
    }

    int acknowledgedEvents() {
        return acknowledged.values().stream().mapToInt(Integer::intValue).sum();
    }

    Set<String> acknowledgedIncidents() {
        return acknowledged.keySet();
    }

    void stop() throws InterruptedException {
        stopped.set(true);
        for (Thread writer : writers) {
            writer.join(60_000);
        }
    }

    private void write() {
        while (!stopped.get()) {
            int n = next.getAndIncrement();
            String id = prefix + "-" + n;
            numbers.put(id, n);
            if (!send(id, "/api/v1/incidents", stack.incident(id, n))) {
                continue;
            }
            acknowledged.put(id, 1);
            if (withSource && send(id, "/api/v1/incidents/" + id + "/sources", FaultStack.source(id, n))) {
                acknowledged.put(id, 2);
            }
        }
    }

    private boolean send(String id, String path, String body) {
        try {
            HttpResponse<String> response = stack.post(path, body);
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            unacknowledged.put(id, response.statusCode() + " " + response.body());
        } catch (Exception noAnswer) {
            unacknowledged.put(id, noAnswer.toString());
            sleepQuietly(); // a service that is down answers at once; do not spin
        }
        return false;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

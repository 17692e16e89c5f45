package org.crisistimeline.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writers recording incidents as fast as the command service answers, each keeping an ack log: the ids answered 2xx
 * (acknowledged: they must never be lost) and those answered otherwise or not at all (unknown: stored or not, a retry
 * with the same id settles it). With {@code withSource}, each recorded incident also gets a second source, its event
 * #1, so that the order of an incident's events can be checked on the topic. Every answer other than a 2xx is also
 * kept whole, with how long it took.
 */
final class WriteBurst {

    /** A request answered otherwise than 2xx: what a client was told, and how long it waited. */
    record Refusal(String id, int status, String contentType, String retryAfter, Duration took) {}

    private final FaultStack stack;
    private final Supplier<ServiceProcess> target;
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
    /** Every answer that was not a 2xx, in the order they came. */
    final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();

    private WriteBurst(FaultStack stack, Supplier<ServiceProcess> target, String prefix, boolean withSource) {
        this.stack = stack;
        this.target = target;
        this.prefix = prefix;
        this.withSource = withSource;
    }

    /** Writers sending to the stack's first command service. */
    static WriteBurst start(FaultStack stack, String prefix, int threads, boolean withSource) {
        return start(stack, stack::commandService, prefix, threads, withSource);
    }

    static WriteBurst start(
            FaultStack stack, Supplier<ServiceProcess> target, String prefix, int threads, boolean withSource) {
        var burst = new WriteBurst(stack, target, prefix, withSource);
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
            long start = System.nanoTime();
            HttpResponse<String> response = stack.post(target.get(), path, body);
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            unacknowledged.put(id, response.statusCode() + " " + response.body());
            refusals.add(new Refusal(
                    id,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    Duration.ofNanos(System.nanoTime() - start)));
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

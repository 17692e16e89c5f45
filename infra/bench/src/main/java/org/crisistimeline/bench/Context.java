package org.crisistimeline.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crisistimeline.bench.data.SyntheticCrises;

/**
 * What every scenario gets: the mode, the stack, one HTTP client and the incident generator. Incident numbers are
 * handed out once per run, so that no two requests of a run record the same id.
 */
public final class Context {

    private final Mode mode;
    private final Stack stack;
    private final Http http;
    private final SyntheticCrises crises;
    private final AtomicLong nextIncident = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> appendices = new ArrayList<>();

    Context(Mode mode, Stack stack, Http http, SyntheticCrises crises) {
        this.mode = mode;
        this.stack = stack;
        this.http = http;
        this.crises = crises;
    }

    /**
     * Waits until the query service has applied what was recorded before (its event log stops growing), so that what
     * comes next is measured on its own and not beside the publisher and the projection catching up. At most five
     * minutes; answers how long the log still grew.
     */
    public Duration awaitProjectionIdle() throws Exception {
        try (Connection query = stack().query();
                var head = query.prepareStatement("SELECT coalesce(max(position), 0) FROM event_log")) {
            long start = System.nanoTime();
            long grew = start;
            long last = -1;
            int unchanged = 0;
            long deadline = start + TimeUnit.MINUTES.toNanos(5);
            while (unchanged < 3 && System.nanoTime() < deadline) {
                try (var row = head.executeQuery()) {
                    row.next();
                    long position = row.getLong(1);
                    if (position == last) {
                        unchanged++;
                    } else {
                        unchanged = 0;
                        grew = System.nanoTime();
                    }
                    last = position;
                }
                Thread.sleep(500);
            }
            if (unchanged < 3) {
                problem("the read side was still applying events after five minutes");
            }
            return Duration.ofNanos(grew - start);
        }
    }

    public Mode mode() {
        return mode;
    }

    public Stack stack() {
        return stack;
    }

    public Http http() {
        return http;
    }

    public SyntheticCrises crises() {
        return crises;
    }

    /** The first of {@code count} incident numbers no request of this run has used. */
    public long claimIncidents(long count) {
        return nextIncident.getAndAdd(count);
    }

    /** A line under the table: the whole latency distribution, what a figure counts. */
    public synchronized void note(String note) {
        notes.add(note);
        System.out.println("    " + note);
    }

    /**
     * Requests that failed or timed out: an overloaded service, which the figures show (the row misses its goal).
     * What the harness itself gets wrong is a {@link #problem}.
     */
    public void failures(String scenario, long count) {
        if (count > 0) {
            note(scenario + ": " + count + " requests failed or timed out");
        }
    }

    /**
     * Whether the service answered a 2xx. A 4xx means the benchmark sent a request the service refuses: the harness
     * is wrong, and the run fails.
     */
    public boolean succeeded(Http.Response response) {
        if (response.statusCode() / 100 == 4 && refusals.getAndIncrement() < 3) {
            problem(response.request().method() + " " + response.request().uri() + " answered " + response.statusCode()
                    + ": " + response.bodyText());
        }
        return Http.success(response);
    }

    public synchronized void problem(String problem) {
        problems.add(problem);
        System.out.println("    PROBLEM " + problem);
    }

    /** A block of text under the table, e.g. a query plan, with its title. */
    public synchronized void appendix(String title, String text) {
        appendices.add("#### " + title + "\n\n```\n" + text.strip() + "\n```\n");
    }

    synchronized List<String> appendices() {
        return List.copyOf(appendices);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }
}

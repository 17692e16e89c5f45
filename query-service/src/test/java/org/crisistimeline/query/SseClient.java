package org.crisistimeline.query;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a text/event-stream response as a browser's EventSource would: events are dispatched at each blank line with
 * their id, name and data; comments are counted. A thread reads the lines, so a test can wait for an event with a
 * timeout.
 */
public final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Object END = new Object();

    private final HttpResponse<InputStream> response;
    private final String errorBody;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private boolean ended;

    public record Event(String id, String name, String data) {}

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                errorBody = new String(body.readAllBytes(), UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        errorBody = null;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; returns once the response's headers have arrived. */
    public static SseClient open(URI uri, String lastEventId) {
        return open(uri, lastEventId, null);
    }

    /** As {@link #open(URI, String)}, with a bearer token when one is given: the client is then its subject. */
    public static SseClient open(URI uri, String lastEventId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of a response that is not a stream (a Problem Details). */
    public String errorBody() {
        return errorBody;
    }

    public int comments() {
        return comments.get();
    }

    /** The next event, or an AssertionError if none comes in time or the stream ends first. */
    public Event next(Duration timeout) {
        try {
            Object next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("no event within " + timeout);
            }
            if (next == END) {
                ended = true;
                received.add(END);
                throw new AssertionError("the stream ended");
            }
            return (Event) next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Event> next(int count, Duration timeout) {
        List<Event> events = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            events.add(next(timeout));
        }
        return events;
    }

    /** Every event until the server ends the stream. */
    public List<Event> untilEnd(Duration timeout) {
        List<Event> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Object next = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("the stream did not end within " + timeout + "; got " + events);
                }
                if (next == END) {
                    ended = true;
                    return events;
                }
                events.add((Event) next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether nothing is waiting to be read, and the stream has not ended. */
    public boolean quiet() {
        return received.isEmpty() && !ended;
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        received.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" ->
                            data = data == null
                                    ? new StringBuilder(value)
                                    : data.append('\n').append(value);
                        default -> {
                            // retry and unknown fields are not used here
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            received.add(END);
        }
    }

    @Override
    public void close() {
        if (errorBody == null) {
            try {
                response.body().close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}

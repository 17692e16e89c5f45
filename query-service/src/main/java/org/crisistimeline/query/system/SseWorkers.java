package org.crisistimeline.query.system;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A bounded set of threads for long-lived Server-Sent Events responses, one thread per open response. Nothing queues:
 * when every thread is busy the request is refused at once ({@link Busy}, 503) instead of waiting unseen.
 */
public final class SseWorkers {

    private final String name;
    private final ThreadPoolExecutor threads;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final int perClient;
    private final Map<String, Integer> heldByClient = new ConcurrentHashMap<>();

    public SseWorkers(String name, int maximum) {
        this(name, maximum, Integer.MAX_VALUE);
    }

    /** @param perClient how many responses one client (a principal, else an address) may hold at once */
    public SseWorkers(String name, int maximum, int perClient) {
        this.name = name;
        this.perClient = perClient;
        var numbers = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, maximum, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, name + "-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code work}, which sends on {@code emitter}, on a thread of its own. The work is told whether the response
     * is still open: it is not once it completed, timed out or failed.
     *
     * @throws Busy when all threads are taken
     */
    public void start(SseEmitter emitter, Consumer<BooleanSupplier> work) {
        start("", emitter, work);
    }

    /**
     * As {@link #start(SseEmitter, Consumer)}, counted against {@code client}'s share, so that one client cannot take
     * every slot.
     *
     * @throws TooManyFromOneClient when the client holds its share already
     * @throws Busy when all threads are taken
     */
    public void start(String client, SseEmitter emitter, Consumer<BooleanSupplier> work) {
        if (heldByClient.merge(client, 1, Integer::sum) > perClient) {
            release(client);
            throw new TooManyFromOneClient(
                    "This client holds " + perClient + " " + name + "s already; close one or try again later",
                    Duration.ofSeconds(5));
        }
        var running = new AtomicBoolean(true);
        open.add(emitter);
        emitter.onCompletion(() -> {
            running.set(false);
            open.remove(emitter);
        });
        emitter.onTimeout(() -> running.set(false));
        emitter.onError(error -> running.set(false));
        try {
            threads.execute(() -> {
                try {
                    work.accept(running::get);
                } finally {
                    release(client); // the work returns when the response is over
                }
            });
        } catch (RejectedExecutionException e) {
            open.remove(emitter);
            release(client);
            throw new Busy(
                    "All " + threads.getMaximumPoolSize() + " " + name + " slots are taken; try again shortly",
                    Duration.ofSeconds(5));
        }
    }

    /** How many responses {@code client} holds now. */
    int heldBy(String client) {
        return heldByClient.getOrDefault(client, 0);
    }

    private void release(String client) {
        heldByClient.computeIfPresent(client, (key, held) -> held == 1 ? null : held - 1);
    }

    /**
     * Ends every open response and interrupts the threads sending them; their clients reconnect (with Last-Event-ID)
     * to another instance. Called when the application closes, before the web server waits for requests to finish,
     * which it would otherwise do for streams that never finish.
     */
    public void close() {
        threads.shutdownNow();
        open.forEach(emitter -> {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                // already over
            }
        });
    }
}

package org.crisistimeline.query.system;

import java.time.Duration;
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

    public SseWorkers(String name, int maximum) {
        this.name = name;
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
        var running = new AtomicBoolean(true);
        open.add(emitter);
        emitter.onCompletion(() -> {
            running.set(false);
            open.remove(emitter);
        });
        emitter.onTimeout(() -> running.set(false));
        emitter.onError(error -> running.set(false));
        try {
            threads.execute(() -> work.accept(running::get));
        } catch (RejectedExecutionException e) {
            open.remove(emitter);
            throw new Busy(
                    "All " + threads.getMaximumPoolSize() + " " + name + " slots are taken; try again shortly",
                    Duration.ofSeconds(5));
        }
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

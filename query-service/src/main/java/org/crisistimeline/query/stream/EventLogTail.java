package org.crisistimeline.query.stream;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Watches the head of the event log for the live streams, so that they wait without querying: one thread looks every
 * poll interval, and only while a stream waits. Polling the database rather than hearing from the consumer in this
 * process is what lets a stream see events that another instance of the service applied (each applies only its
 * partitions).
 */
@Component
@EnableConfigurationProperties(StreamSettings.class)
class EventLogTail {

    private static final Logger log = LoggerFactory.getLogger(EventLogTail.class);

    private final EventLogQueries eventLog;
    private final ScheduledExecutorService poller;
    private final Object moved = new Object();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile long head;

    EventLogTail(EventLogQueries eventLog, StreamSettings settings) {
        this.eventLog = eventLog;
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "event-log-tail");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until the log has an event after {@code position}, at most {@code timeout}.
     *
     * @return whether it has
     */
    boolean awaitAfter(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting.incrementAndGet();
        try {
            synchronized (moved) {
                while (head <= position) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(moved, left);
                }
                return true;
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void poll() {
        if (waiting.get() == 0) {
            return;
        }
        try {
            long now = eventLog.head();
            if (now > head) {
                synchronized (moved) {
                    head = now;
                    moved.notifyAll();
                }
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; the streams wait on and the next poll tries again
            log.warn("Could not read the head of the event log", e);
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}

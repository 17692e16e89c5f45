package org.crisistimeline.command.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, whose reader of the store (it feeds the publisher) wakes a while after a commit rather
 * than at once. Woken at once it read the store twice per commit, the new event and then nothing, a transaction each:
 * at a few hundred writes a second, more round trips to PostgreSQL than the writes themselves made. Now the commits of
 * that while are read together. Without commits it still polls every second, as Axon's does.
 */
final class CoalescingEventStore extends EmbeddedEventStore {

    private final long delayNanos;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-store-waker");
        thread.setDaemon(true);
        return thread;
    });

    CoalescingEventStore(Builder builder, Duration readAfterCommit) {
        super(builder);
        this.delayNanos = readAfterCommit.toNanos();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (delayNanos == 0) {
            super.afterCommit(events);
        } else if (wakeScheduled.compareAndSet(false, true)) {
            waker.schedule(
                    () -> {
                        // cleared first: a commit from now on needs a read after this one
                        wakeScheduled.set(false);
                        super.afterCommit(events);
                    },
                    delayNanos,
                    TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void shutDown() {
        waker.shutdownNow();
        super.shutDown();
    }
}

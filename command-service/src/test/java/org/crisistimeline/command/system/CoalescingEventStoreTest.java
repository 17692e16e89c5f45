package org.crisistimeline.command.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store's reader, woken a while after a commit, reads that while's commits together and misses none. */
class CoalescingEventStoreTest {

    private final ReadCountingEngine engine = new ReadCountingEngine();
    private CoalescingEventStore store;

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void theCommitsOfTheWhileAfterOneAreReadFromTheStoreTogether() throws Exception {
        store = storeReadingAfter(Duration.ofMillis(500));
        BlockingStream<TrackedEventMessage<?>> publisher = caughtUpStream();
        int readsBefore = engine.reads.get();

        for (String payload : List.of("a", "b", "c", "d", "e")) {
            store.publish(GenericEventMessage.asEventMessage(payload));
        }

        assertThat(next(publisher, 5)).containsExactly("a", "b", "c", "d", "e");
        // one wake-up: the read that finds the five, and the one that finds nothing more; Axon's own store reads
        // twice per commit
        assertThat(engine.reads.get() - readsBefore).isLessThanOrEqualTo(2);
    }

    @Test
    void aCommitAfterTheReadIsReadByTheNextWakeUp() throws Exception {
        store = storeReadingAfter(Duration.ofMillis(20));
        BlockingStream<TrackedEventMessage<?>> publisher = caughtUpStream();

        store.publish(GenericEventMessage.asEventMessage("first"));
        assertThat(next(publisher, 1)).containsExactly("first");
        store.publish(GenericEventMessage.asEventMessage("second"));

        assertThat(next(publisher, 1)).containsExactly("second");
    }

    private CoalescingEventStore storeReadingAfter(Duration readAfterCommit) {
        // no periodic read within a test: only commits wake the reader
        return new CoalescingEventStore(
                EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(60_000), readAfterCommit);
    }

    /** A stream of the store's reader, caught up with the (empty) store, as the publisher's is between commits. */
    private BlockingStream<TrackedEventMessage<?>> caughtUpStream() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
        return stream;
    }

    private static List<Object> next(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (payloads.size() < count && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }

    private static final class ReadCountingEngine extends InMemoryEventStorageEngine {

        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(trackingToken, mayBlock);
        }
    }
}

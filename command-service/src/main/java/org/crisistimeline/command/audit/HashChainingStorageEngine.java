package org.crisistimeline.command.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's storage engine with one step added before events are written: each event gets {@code hash} and {@code
 * previousHash} in its metadata, chaining it to the previous event of its aggregate (see {@link EventEnvelope}).
 *
 * <p>Why here and not in a dispatch interceptor: {@link #appendEvents(List)} receives exactly the events about to be
 * inserted, after every interceptor has added its metadata (principal, request id, …) and with their final timestamp
 * and sequence number, inside the transaction that inserts them. The previous hash is read in that transaction, so an
 * event appended earlier in the same unit of work is seen; several events of one aggregate in one batch are chained in
 * memory. Two writers racing for the same sequence number both compute a hash, and the event store's unique key lets
 * only one of them store it.
 */
class HashChainingStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final Serializer serializer;
    private final PreviousHashes previousHashes;

    HashChainingStorageEngine(EventStorageEngine delegate, Serializer serializer, PreviousHashes previousHashes) {
        this.delegate = delegate;
        this.serializer = serializer;
        this.previousHashes = previousHashes;
    }

    /**
     * The hashes of the events stored at the given positions, read in the transaction that appends: all of a batch's
     * at once, so that a batch of amendments (an import) costs one query, not one per event.
     */
    interface PreviousHashes {
        /**
         * @param positions the sequence number wanted per aggregate
         * @return the hash stored there per aggregate; an aggregate without one (no such event, or stored before
         *     hashing existed) is absent
         */
        Map<String, String> hashesOf(Map<String, Long> positions);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        // the same defaults Axon's JDBC engine stores for an event that is not an aggregate's
        List<DomainEventMessage<?>> domainEvents = new ArrayList<>(events.size());
        Map<String, Long> predecessors = new HashMap<>();
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domainEvent = asDomainEvent(event);
            domainEvents.add(domainEvent);
            // the stored predecessor of each aggregate's first event in the batch; later ones chain in memory
            if (domainEvent.getSequenceNumber() > 0) {
                predecessors.putIfAbsent(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber() - 1);
            }
        }
        Map<String, String> stored = predecessors.isEmpty() ? Map.of() : previousHashes.hashesOf(predecessors);
        Map<String, Chained> batchHeads = new HashMap<>();
        for (DomainEventMessage<?> event : domainEvents) {
            String aggregateId = event.getAggregateIdentifier();
            Long storedAt = predecessors.get(aggregateId);
            if (stored.containsKey(aggregateId) && !batchHeads.containsKey(aggregateId)) {
                batchHeads.put(aggregateId, new Chained(storedAt, stored.get(aggregateId)));
            }
        }
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            chained.add(chain(events.get(i), domainEvents.get(i), batchHeads));
        }
        delegate.appendEvents(chained);
    }

    private EventMessage<?> chain(
            EventMessage<?> event, DomainEventMessage<?> domainEvent, Map<String, Chained> batchHeads) {
        String aggregateId = domainEvent.getAggregateIdentifier();
        long sequence = domainEvent.getSequenceNumber();
        String previousHash = previousHash(aggregateId, sequence, batchHeads.get(aggregateId));
        SerializedObject<byte[]> payload = domainEvent.serializePayload(serializer, byte[].class);
        String hash = envelope(domainEvent, payload).hash(previousHash);
        batchHeads.put(aggregateId, new Chained(sequence, hash));
        Map<String, String> chainEntries = Map.of(EventEnvelope.HASH, hash, EventEnvelope.PREVIOUS_HASH, previousHash);
        if (event instanceof DomainEventMessage<?>) {
            return new SerializedOnce<>(domainEvent, domainEvent.getMetaData().mergedWith(chainEntries), payload);
        }
        return event.andMetaData(chainEntries);
    }

    /**
     * The event with its chain entries, keeping the payload serialised for the hash: Axon's message with new metadata
     * forgets its serialised form, and the engine would serialise the payload a second time (an import's batch of a
     * thousand pays for it).
     */
    private final class SerializedOnce<T> extends GenericDomainEventMessage<T> {

        private final SerializedObject<byte[]> payload;

        SerializedOnce(DomainEventMessage<T> event, MetaData metaData, SerializedObject<byte[]> payload) {
            super(
                    event.getType(),
                    event.getAggregateIdentifier(),
                    event.getSequenceNumber(),
                    event.getPayload(),
                    metaData,
                    event.getIdentifier(),
                    event.getTimestamp());
            this.payload = payload;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S> SerializedObject<S> serializePayload(Serializer with, Class<S> representation) {
            if (with == serializer && representation == byte[].class) {
                return (SerializedObject<S>) payload;
            }
            return super.serializePayload(with, representation);
        }
    }

    private static <T> DomainEventMessage<T> asDomainEvent(EventMessage<T> event) {
        return event instanceof DomainEventMessage<T> domainEvent
                ? domainEvent
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event.getTimestamp());
    }

    private String previousHash(String aggregateId, long sequence, Chained earlier) {
        if (sequence == 0) {
            return EventEnvelope.GENESIS;
        }
        if (earlier != null && earlier.sequence() == sequence - 1) {
            return earlier.hash();
        }
        // a predecessor stored before hashing existed (or without a hash) starts the chain afresh
        return previousHashes
                .hashesOf(Map.of(aggregateId, sequence - 1))
                .getOrDefault(aggregateId, EventEnvelope.GENESIS);
    }

    /** Package-private for the benchmark, which hashes the very envelope this engine builds. */
    EventEnvelope envelope(DomainEventMessage<?> event) {
        return envelope(event, event.serializePayload(serializer, byte[].class));
    }

    private EventEnvelope envelope(DomainEventMessage<?> event, SerializedObject<byte[]> payload) {
        // serialised exactly as the engine will store them; the canonical form makes byte-level choices irrelevant
        SerializedObject<byte[]> metadata =
                serializer.serialize(withoutChainEntries(event.getMetaData()), byte[].class);
        return new EventEnvelope(
                event.getAggregateIdentifier(),
                event.getType(),
                event.getIdentifier(),
                event.getSequenceNumber(),
                EventEnvelope.typeOf(
                        payload.getType().getName(), payload.getType().getRevision()),
                DateTimeUtils.formatInstant(event.getTimestamp()),
                CanonicalJson.read(payload.getData()),
                CanonicalJson.read(metadata.getData()));
    }

    private static MetaData withoutChainEntries(MetaData metaData) {
        return metaData.withoutKeys(Set.of(EventEnvelope.HASH, EventEnvelope.PREVIOUS_HASH));
    }

    private record Chained(long sequence, String hash) {}

    /*
     * Snapshots are neither stored nor read. They are not chained, so an aggregate rebuilt from one would escape the
     * tamper evidence (a snapshot row can be changed without any walk noticing), and none are taken anyway; without
     * this Axon's engine would still query the snapshot table on every aggregate load, a round trip per command.
     */

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        // deliberately nothing: see above
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    // everything else is Axon's engine unchanged

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}

package org.crisistimeline.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.crisistimeline.events.EventJson;
import org.junit.jupiter.api.Test;

class HashChainingStorageEngineTest {

    record Noted(String text, double lat) {}

    private final Serializer serializer =
            JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
    private final Appended appended = new Appended();
    private final Map<String, String> stored = new HashMap<>();
    private final HashChainingStorageEngine engine = new HashChainingStorageEngine(appended, serializer, positions -> {
        Map<String, String> found = new HashMap<>();
        positions.forEach((aggregateId, sequence) -> {
            String hash = stored.get(aggregateId + "/" + sequence);
            if (hash != null) {
                found.put(aggregateId, hash);
            }
        });
        return found;
    });

    @Test
    void theFirstEventOfAnAggregateIsChainedToSixtyFourZeros() {
        engine.appendEvents(List.of(event("incident-1", 0, Map.of())));

        assertThat(appended.events.get(0).getMetaData()).containsEntry("previousHash", "0".repeat(64));
    }

    @Test
    void eventsOfOneAggregateAppendedTogetherAreChainedInOrder() {
        engine.appendEvents(List.of(
                event("incident-1", 0, Map.of()),
                event("incident-2", 0, Map.of()),
                event("incident-1", 1, Map.of()),
                event("incident-1", 2, Map.of())));

        List<EventMessage<?>> events = appended.events;
        assertThat(events.get(2).getMetaData().get("previousHash"))
                .isEqualTo(events.get(0).getMetaData().get("hash"));
        assertThat(events.get(3).getMetaData().get("previousHash"))
                .isEqualTo(events.get(2).getMetaData().get("hash"));
        assertThat(events.get(1).getMetaData().get("previousHash")).isEqualTo("0".repeat(64));
    }

    @Test
    void aLaterEventIsChainedToTheStoredHashOfItsPredecessor() {
        stored.put("incident-1/4", "ab".repeat(32));

        engine.appendEvents(List.of(event("incident-1", 5, Map.of())));

        assertThat(appended.events.get(0).getMetaData()).containsEntry("previousHash", "ab".repeat(32));
    }

    @Test
    void theStoredEventGivesItsHashBackWhenReadAsTheVerifierReadsIt() {
        engine.appendEvents(List.of(event("incident-1", 0, Map.of("principal", "alice", "requestId", "r-1"))));

        DomainEventMessage<?> written = (DomainEventMessage<?>) appended.events.get(0);
        // what the JDBC engine writes into the columns, and the walk reads back from them
        SerializedObject<byte[]> payload = written.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = written.serializeMetaData(serializer, byte[].class);
        var asStored = new EventEnvelope(
                written.getAggregateIdentifier(),
                written.getType(),
                written.getIdentifier(),
                written.getSequenceNumber(),
                EventEnvelope.typeOf(
                        payload.getType().getName(), payload.getType().getRevision()),
                DateTimeUtils.formatInstant(written.getTimestamp()),
                CanonicalJson.read(payload.getData()),
                CanonicalJson.read(metadata.getData()));

        assertThat(asStored.hash((String) written.getMetaData().get("previousHash")))
                .isEqualTo(written.getMetaData().get("hash"));
        assertThat(asStored.metadata().get("principal").asText()).isEqualTo("alice");
    }

    @Test
    void metadataAddedBeforeAppendingIsCoveredByTheHash() {
        engine.appendEvents(List.of(event("incident-1", 0, Map.of("principal", "alice"))));
        engine.appendEvents(
                List.of(withId(event("incident-1", 0, Map.of("principal", "mallory")), appended.events.get(0))));

        assertThat(appended.events.get(1).getMetaData().get("hash"))
                .isNotEqualTo(appended.events.get(0).getMetaData().get("hash"));
    }

    @Test
    void aHashSuppliedFromOutsideIsReplaced() {
        engine.appendEvents(List.of(event("incident-1", 0, Map.of("hash", "forged", "previousHash", "forged"))));

        assertThat(appended.events.get(0).getMetaData().get("hash"))
                .isNotEqualTo("forged")
                .asString()
                .hasSize(64);
        assertThat(appended.events.get(0).getMetaData()).containsEntry("previousHash", "0".repeat(64));
    }

    @Test
    void aggregatesAreRebuiltFromTheirChainedEventsNeverFromASnapshot() {
        engine.storeSnapshot(event("incident-1", 3, Map.of()));

        assertThat(engine.readSnapshot("incident-1")).isEmpty();
        assertThat(appended.snapshotsStored).isZero();
        assertThat(appended.snapshotsRead).isZero();
    }

    private static DomainEventMessage<Noted> event(String aggregateId, long sequence, Map<String, ?> metaData) {
        return new GenericDomainEventMessage<>(
                "Incident", aggregateId, sequence, new Noted("kills", 33.2625), metaData);
    }

    /** The same event (id, timestamp) with other metadata. */
    private static DomainEventMessage<?> withId(DomainEventMessage<Noted> event, EventMessage<?> original) {
        return new GenericDomainEventMessage<>(
                event.getType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getPayload(),
                event.getMetaData(),
                original.getIdentifier(),
                original.getTimestamp());
    }

    /** Records what would be inserted. */
    private static class Appended implements EventStorageEngine {
        final List<EventMessage<?>> events = new ArrayList<>();
        int snapshotsStored;
        int snapshotsRead;

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            this.events.addAll(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            snapshotsStored++;
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return Stream.empty();
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return DomainEventStream.empty();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            snapshotsRead++;
            return Optional.empty();
        }
    }
}

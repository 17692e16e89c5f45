package org.crisistimeline.command.audit;

import static org.crisistimeline.events.SampleIncidents.missileAttack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What tamper evidence costs per stored event, in three nested steps: the canonical form alone (NFC + RFC 8785), the
 * hash ({@link EventEnvelope#hash}: that form and SHA-256), and everything {@link HashChainingStorageEngine} adds to
 * one append (Axon serialises payload and metadata, they are read back as trees, hashed, and the event gets its new
 * metadata). Here in the audit package because those classes are package-private; run by infra/bench/jmh.sh, never by
 * the tests.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class EventHashBenchmark {

    private static final String EVENT_ID = "5b0e8c3e-9a43-4a4e-8f57-2d6f0b8f1c11";
    private static final Instant RECORDED_AT = Instant.parse("2020-01-08T00:12:03.417Z");
    // what an event of a request carries: Axon's correlation and trace ids and the audit trail (system/AuditTrail)
    private static final Map<String, String> METADATA = Map.of(
            "traceId", "0f6b4c1e-3d2a-4b7e-9a55-8c1d2e3f4a5b",
            "correlationId", "0f6b4c1e-3d2a-4b7e-9a55-8c1d2e3f4a5b",
            "principal", "alice",
            "clientAddress", "10.0.0.17",
            "requestId", "6f1d2c3b-4a59-4e8d-b7c6-a5f4e3d2c1b0");

    // the command service's event serializer: Jackson with the events' mapper (system/EventStoreConfiguration)
    private final Serializer serializer =
            JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
    private final Stored stored = new Stored();
    private final HashChainingStorageEngine engine =
            new HashChainingStorageEngine(stored, serializer, positions -> java.util.Map.of());
    private final IncidentRecorded incident = missileAttack();
    private EventEnvelope envelope;

    @Setup
    public void envelopeAsTheEngineBuildsIt() {
        envelope = engine.envelope(recorded());
        engine.appendEvents(List.of(recorded()));
        String chained = (String) stored.last.get(0).getMetaData().get(EventEnvelope.HASH);
        if (!envelope.hash(EventEnvelope.GENESIS).equals(chained)) {
            throw new IllegalStateException("the envelope is not the one the engine hashes");
        }
    }

    @Benchmark
    public byte[] canonicalJson() {
        return CanonicalJson.of(envelope.toJson());
    }

    @Benchmark
    public String hash() {
        return envelope.hash(EventEnvelope.GENESIS);
    }

    @Benchmark
    public List<? extends EventMessage<?>> chainOneEvent() {
        // a new message each time: a message keeps its serialised payload, and each stored event is serialised once
        engine.appendEvents(List.of(recorded()));
        return stored.last;
    }

    /** The first event of an incident, as the aggregate applies it within a request. */
    private DomainEventMessage<IncidentRecorded> recorded() {
        return new GenericDomainEventMessage<>(
                "Incident", incident.incidentId(), 0, incident, METADATA, EVENT_ID, RECORDED_AT);
    }

    /** Keeps what would be inserted, so the work of the append cannot be optimised away. */
    private static class Stored implements EventStorageEngine {
        List<? extends EventMessage<?>> last = List.of();

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            last = events;
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {}

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
            return Optional.empty();
        }
    }
}

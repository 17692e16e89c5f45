package org.crisistimeline.command.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.junit.jupiter.api.Test;

/** The Axon side of upcasting, without a database: a stored row in, today's event out. */
class StoredEventUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventJson.newMapper())
            .revisionResolver(new EventVersions().revisionResolver())
            .build();

    private static final String CURRENT = Integer.toString(EventType.INCIDENT_RECORDED.version());

    private final EventStoreRow storedV1 = EventStoreRow.read("/samples/incident-recorded.v1.event-store-row.json");

    @Test
    void aRowWithoutRevisionIsReadAsVersionOneAndComesOutAsTheCurrentVersion() {
        IntermediateEventRepresentation upcast = upcast(storedV1);

        assertThat(upcast.getType().getRevision()).isEqualTo(CURRENT);
        IncidentRecorded incident = serializer.deserialize(upcast.getData());
        assertThat(((StrikeDetails) incident.details()).casualties().killed())
                .isEqualTo(new StrikeDetails.Estimate(10, 10, 10));
        assertThat(incident.incidentId()).isEqualTo(storedV1.aggregateIdentifier());
    }

    @Test
    void anEventStoredInTheCurrentVersionIsLeftAlone() {
        var current = new EventStoreRow(
                "e-2",
                storedV1.aggregateIdentifier(),
                0,
                "Incident",
                storedV1.timeStamp(),
                storedV1.payloadType(),
                CURRENT,
                storedV1.payload(),
                storedV1.metaData());

        assertThat(new StoredEventUpcaster().canUpcast(initial(current))).isFalse();
    }

    @Test
    void newEventsAreStoredWithTheirVersionAsRevision() {
        assertThat(new EventVersions().revisionResolver().revisionOf(IncidentRecorded.class))
                .isEqualTo(CURRENT);
        assertThat(new EventVersions().revisionResolver().revisionOf(String.class))
                .isNull();
    }

    private IntermediateEventRepresentation upcast(EventStoreRow row) {
        List<IntermediateEventRepresentation> upcast = new StoredEventUpcaster()
                .upcast(java.util.stream.Stream.of(initial(row)))
                .toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private InitialEventRepresentation initial(EventStoreRow row) {
        var entry = new GenericDomainEventEntry<>(
                row.type(),
                row.aggregateIdentifier(),
                row.sequenceNumber(),
                row.eventIdentifier(),
                Instant.parse(row.timeStamp()),
                row.payloadType(),
                row.payloadRevision(),
                row.payloadBytes(),
                row.metaDataBytes());
        return new InitialEventRepresentation(entry, serializer);
    }
}

package org.crisistimeline.command.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.crisistimeline.events.CloudEventType;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.upcasting.Upcasters;

/**
 * Brings an event stored in an older version up to the current one as it is read from the event store, so that
 * aggregates, the publisher and every other handler only ever see today's records. The JSON changes are those of
 * shared-events ({@link Upcasters}), which the query service and downstream consumers apply to the same versions.
 */
final class StoredEventUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return storedVersion(stored.getType())
                .filter(version -> !version.isCurrent())
                .isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        CloudEventType from = storedVersion(stored.getType()).orElseThrow();
        SerializedType current = new SimpleSerializedType(
                stored.getType().getName(), Integer.toString(from.type().version()));
        return stored.upcastPayload(
                current, JsonNode.class, payload -> Upcasters.toCurrent(from, (ObjectNode) payload));
    }

    /** The version an event was stored in; a row without a revision was written before revisions were: version 1. */
    static Optional<CloudEventType> storedVersion(SerializedType stored) {
        return Arrays.stream(EventType.values())
                .filter(type -> type.payloadType().getName().equals(stored.getName()))
                .findFirst()
                .map(type -> new CloudEventType(
                        type, stored.getRevision() == null ? 1 : Integer.parseInt(stored.getRevision())));
    }
}

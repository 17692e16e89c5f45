package org.crisistimeline.query.event;

import java.time.Instant;
import org.crisistimeline.events.EventType;

/**
 * One event read from the topic: its payload and the CloudEvents attributes the read model needs.
 *
 * @param aggregateId {@code ce_subject}, the id of the incident, actor or crisis
 * @param sequence {@code ce_sequence}, the event's number within its aggregate, from 0
 * @param recordedAt {@code ce_time}, when the command service stored the event
 * @param principal {@code ce_principal}, who stored it; null for events published before it was recorded
 */
public record EventEnvelope(
        EventType type, String aggregateId, long sequence, Instant recordedAt, String principal, Record payload) {

    /** An event without a principal. */
    public EventEnvelope(EventType type, String aggregateId, long sequence, Instant recordedAt, Record payload) {
        this(type, aggregateId, sequence, recordedAt, null, payload);
    }

    public EventEnvelope {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " cannot carry " + payload);
        }
    }

    public <T extends Record> T payload(Class<T> payloadType) {
        return payloadType.cast(payload);
    }
}

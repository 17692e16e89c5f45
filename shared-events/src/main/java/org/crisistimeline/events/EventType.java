package org.crisistimeline.events;

import java.util.Arrays;
import java.util.Optional;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.actor.ActorTitleAssigned;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.events.incident.SourceAttached;

/**
 * Every published event with its version. The CloudEvents type ({@code ce_type}) names both, e.g. {@code
 * org.crisistimeline.IncidentRecorded.v1}, so a reader picks the record to read a message into from the header alone.
 * The version is the current one, the only one written; a new version needs an upcaster from the one before it in
 * {@code org.crisistimeline.events.upcasting} and keeps the older schemas (see {@link CloudEventType}).
 */
public enum EventType {
    CRISIS_OPENED(CrisisOpened.class, 1),
    ACTOR_REGISTERED(ActorRegistered.class, 1),
    ACTOR_TITLE_ASSIGNED(ActorTitleAssigned.class, 1),
    ACTOR_ALIAS_ADDED(ActorAliasAdded.class, 1),
    // v2: strike casualties are low/best/high estimates (upcasting.IncidentRecordedV1ToV2)
    // v3: calendar dates and ranges, optional location with admin areas, the data set origin, citations without URL,
    // the data sets' incident types (upcasting.IncidentRecordedV2ToV3)
    INCIDENT_RECORDED(IncidentRecorded.class, 3),
    // v2: changes may set occurredOn, occurredUntil and origin, and use v3's locations, types and precisions
    INCIDENT_AMENDED(IncidentAmended.class, 2),
    // v2: a source's url and publishedAt are optional (a citation)
    SOURCE_ATTACHED(SourceAttached.class, 2),
    INCIDENT_DISPUTED(IncidentDisputed.class, 1),
    INCIDENT_VERIFIED(IncidentVerified.class, 1),
    INCIDENT_RETRACTED(IncidentRetracted.class, 1),
    INCIDENT_LINKED(IncidentLinked.class, 1);

    private static final String PREFIX = "org.crisistimeline.";

    private final Class<? extends Record> payloadType;
    private final int version;

    EventType(Class<? extends Record> payloadType, int version) {
        this.payloadType = payloadType;
        this.version = version;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    public int version() {
        return version;
    }

    public String cloudEventType() {
        return PREFIX + payloadType.getSimpleName() + ".v" + version;
    }

    public static Optional<EventType> ofPayload(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType == payloadType).findFirst();
    }

    public static Optional<EventType> ofCloudEventType(String cloudEventType) {
        return Arrays.stream(values())
                .filter(t -> t.cloudEventType().equals(cloudEventType))
                .findFirst();
    }
}

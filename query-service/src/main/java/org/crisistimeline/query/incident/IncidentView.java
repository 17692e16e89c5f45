package org.crisistimeline.query.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;

/**
 * An incident as one of its versions has it: the current one, or the one valid at a time asked for.
 *
 * @param details as recorded, in the shape that {@code type} names
 * @param sources those attached up to this version (and published by knownAt, when asked)
 * @param reportedAt the earliest publishedAt of the sources
 * @param recordedAt when the command service stored the incident
 * @param updatedAt when the command service stored the event that made this version
 * @param version the number of its events applied up to this version
 */
public record IncidentView(
        String incidentId,
        String crisisId,
        IncidentType type,
        Instant occurredAt,
        Precision occurredPrecision,
        Location location,
        List<Actor> actors,
        String summary,
        JsonNode details,
        List<Source> sources,
        Confidence confidence,
        IncidentStatus status,
        Instant reportedAt,
        Instant recordedAt,
        Instant updatedAt,
        int version) {

    /** {@code name}, {@code kind} and {@code country} are null until the actor's ActorRegistered has arrived. */
    public record Actor(String actorId, String name, ActorKind kind, String country, ActorRole role) {}
}

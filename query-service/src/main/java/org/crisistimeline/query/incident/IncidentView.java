package org.crisistimeline.query.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Origin;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;

/**
 * An incident as one of its versions has it: the current one, or the one valid at a time asked for.
 *
 * @param occurredOn the local calendar date where it happened (DAY or coarser; with MINUTE or HOUR when recorded)
 * @param occurredUntil the last day of a range, inclusive; null for one day
 * @param location null when the source gave no geography
 * @param details as recorded, in the shape that {@code type} names
 * @param sources those attached up to this version (and published by knownAt, when asked)
 * @param reportedAt the earliest publishedAt of the sources; when none has one, recordedAt (docs/events.md)
 * @param recordedAt when the command service stored the incident
 * @param updatedAt when the command service stored the event that made this version
 * @param version the number of its events applied up to this version
 * @param origin the data set row it was imported from, verbatim; null when recorded through the write API
 */
public record IncidentView(
        String incidentId,
        String crisisId,
        IncidentType type,
        Instant occurredAt,
        Precision occurredPrecision,
        LocalDate occurredOn,
        LocalDate occurredUntil,
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
        int version,
        Origin origin) {

    /** {@code name}, {@code kind} and {@code country} are null until the actor's ActorRegistered has arrived. */
    public record Actor(String actorId, String name, ActorKind kind, String country, ActorRole role) {}
}

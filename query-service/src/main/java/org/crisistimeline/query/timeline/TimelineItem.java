package org.crisistimeline.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Origin;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.query.incident.IncidentStatus;

/**
 * One incident on a timeline, in the version the view shows: enough to draw it; {@code /api/v1/incidents/{id}} has the
 * details and sources. {@code location} is null when the source gave no geography, {@code origin} when it was not
 * imported.
 *
 * @param sourceCount the sources this version holds, only those published by knownAt when asked
 * @param firstPublisher the publisher of the earliest of them, the source reportedAt comes from; null without sources
 */
record TimelineItem(
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
        Confidence confidence,
        IncidentStatus status,
        Instant reportedAt,
        Instant recordedAt,
        int version,
        int sourceCount,
        String firstPublisher,
        Origin origin) {

    /** {@code name} and {@code country} are null until the actor's ActorRegistered has arrived. */
    record Actor(String actorId, String name, String country, ActorRole role) {}

    TimelineItem withActors(List<Actor> actors) {
        return new TimelineItem(
                incidentId,
                crisisId,
                type,
                occurredAt,
                occurredPrecision,
                occurredOn,
                occurredUntil,
                location,
                List.copyOf(actors),
                summary,
                confidence,
                status,
                reportedAt,
                recordedAt,
                version,
                sourceCount,
                firstPublisher,
                origin);
    }
}

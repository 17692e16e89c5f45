package org.crisistimeline.events.incident;

import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.TypedByIncidentType;

/**
 * Something happened in the world and was recorded. {@code details} has the shape that {@code type} names; the time
 * the system stored it (recordedAt) is the event's own timestamp, never part of the payload.
 */
public record IncidentRecorded(
        String incidentId,
        String crisisId,
        IncidentType type,
        Instant occurredAt,
        Precision occurredPrecision,
        Location location,
        List<IncidentActor> actors,
        String summary,
        @TypedByIncidentType IncidentDetails details,
        List<Source> sources,
        Confidence confidence) {

    public IncidentRecorded {
        actors = actors == null ? List.of() : List.copyOf(actors);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}

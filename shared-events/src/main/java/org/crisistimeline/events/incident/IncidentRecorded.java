package org.crisistimeline.events.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.TypedByIncidentType;

/**
 * Something happened in the world and was recorded. {@code details} has the shape that {@code type} names; the time
 * the system stored it (recordedAt) is the event's own timestamp, never part of the payload.
 *
 * <p>The constraints are what every stored event satisfies (the write API checks them on {@code RecordIncident});
 * here they make the published JSON Schema.
 */
public record IncidentRecorded(
        @NotBlank String incidentId,
        @NotBlank String crisisId,
        @NotNull IncidentType type,
        @NotNull Instant occurredAt,
        @NotNull Precision occurredPrecision,
        @NotNull @Valid Location location,
        @NotEmpty List<@Valid IncidentActor> actors,
        @NotBlank String summary,
        @NotNull @Valid @TypedByIncidentType IncidentDetails details,
        @NotEmpty List<@Valid Source> sources,
        @NotNull Confidence confidence) {

    public IncidentRecorded {
        actors = actors == null ? List.of() : List.copyOf(actors);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** The same incident with other sources, as it stands once more reports are attached. */
    public IncidentRecorded withSources(List<Source> sources) {
        return new IncidentRecorded(
                incidentId,
                crisisId,
                type,
                occurredAt,
                occurredPrecision,
                location,
                actors,
                summary,
                details,
                sources,
                confidence);
    }
}

package org.crisistimeline.events.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.TypedByIncidentType;

/**
 * The fields a correction sets; a field left null keeps its value. {@code details} is replaced whole and is read by
 * {@code type}, so the two travel together: a correction of the details names the type, and a change of type brings
 * the details of the new type. Sources are not corrected here but attached ({@link SourceAttached}).
 */
public record IncidentChanges(
        String crisisId,
        IncidentType type,
        Instant occurredAt,
        Precision occurredPrecision,
        @Valid Location location,
        @Size(min = 1, max = 100) List<@NotNull @Valid IncidentActor> actors,
        @Size(min = 1, max = 1000) String summary,
        @Valid @TypedByIncidentType IncidentDetails details,
        Confidence confidence) {

    public IncidentChanges {
        actors = actors == null ? null : List.copyOf(actors);
    }

    /** The names of the fields this correction sets, in declaration order. */
    public List<String> fieldNames() {
        var names = new java.util.ArrayList<String>();
        if (crisisId != null) names.add("crisisId");
        if (type != null) names.add("type");
        if (occurredAt != null) names.add("occurredAt");
        if (occurredPrecision != null) names.add("occurredPrecision");
        if (location != null) names.add("location");
        if (actors != null) names.add("actors");
        if (summary != null) names.add("summary");
        if (details != null) names.add("details");
        if (confidence != null) names.add("confidence");
        return List.copyOf(names);
    }
}

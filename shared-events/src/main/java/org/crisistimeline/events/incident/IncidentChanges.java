package org.crisistimeline.events.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.TypedByIncidentType;

/**
 * The fields a correction sets; a field left null keeps its value. {@code details} is replaced whole and is read by
 * {@code type}, so the two travel together: a correction of the details names the type, and a change of type brings
 * the details of the new type. Sources are not corrected here but attached ({@link SourceAttached}).
 *
 * <p>The time is corrected whole: a correction that sets any of {@code occurredAt}, {@code occurredPrecision} or {@code
 * occurredOn} replaces the incident's time, range included ({@link IncidentRecorded#amendedBy}).
 *
 * @param origin the data set row as a newer release gives it (its release and revision, changed codes)
 */
public record IncidentChanges(
        String crisisId,
        IncidentType type,
        Instant occurredAt,
        Precision occurredPrecision,
        LocalDate occurredOn,
        LocalDate occurredUntil,
        @Valid Location location,
        @Size(min = 1, max = 100) List<@NotNull @Valid IncidentActor> actors,
        @Size(min = 1, max = 1000) String summary,
        @Valid @TypedByIncidentType IncidentDetails details,
        Confidence confidence,
        @Valid Origin origin) {

    public IncidentChanges {
        actors = actors == null ? null : List.copyOf(actors);
    }

    /** A correction as the write API made it before ranges and origins (IncidentAmended version 1's fields). */
    public IncidentChanges(
            String crisisId,
            IncidentType type,
            Instant occurredAt,
            Precision occurredPrecision,
            Location location,
            List<IncidentActor> actors,
            String summary,
            IncidentDetails details,
            Confidence confidence) {
        this(
                crisisId,
                type,
                occurredAt,
                occurredPrecision,
                null,
                null,
                location,
                actors,
                summary,
                details,
                confidence,
                null);
    }

    /** The names of the fields this correction sets, in declaration order. */
    public List<String> fieldNames() {
        var names = new java.util.ArrayList<String>();
        if (crisisId != null) names.add("crisisId");
        if (type != null) names.add("type");
        if (occurredAt != null) names.add("occurredAt");
        if (occurredPrecision != null) names.add("occurredPrecision");
        if (occurredOn != null) names.add("occurredOn");
        if (occurredUntil != null) names.add("occurredUntil");
        if (location != null) names.add("location");
        if (actors != null) names.add("actors");
        if (summary != null) names.add("summary");
        if (details != null) names.add("details");
        if (confidence != null) names.add("confidence");
        if (origin != null) names.add("origin");
        return List.copyOf(names);
    }
}

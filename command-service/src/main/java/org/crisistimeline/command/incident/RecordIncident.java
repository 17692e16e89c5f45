package org.crisistimeline.command.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisistimeline.command.system.Ids;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.TypedByIncidentType;

/**
 * The body of {@code POST /api/v1/incidents}. Shape and ranges are checked here; the rules that need the clock or
 * other aggregates are the {@link Incident}'s.
 */
public record RecordIncident(
        @TargetAggregateIdentifier @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
        String id,

        @NotBlank String crisisId,
        @NotNull IncidentType type,
        @NotNull Instant occurredAt,
        @NotNull Precision occurredPrecision,
        @NotNull @Valid Location location,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid IncidentActor> actors,
        @NotBlank @Size(max = 1000) String summary,
        @NotNull @Valid @TypedByIncidentType IncidentDetails details,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Source> sources,
        @NotNull Confidence confidence) {

    IncidentRecorded toEvent() {
        return new IncidentRecorded(
                id,
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

package org.crisistimeline.command.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
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
 *
 * <p>{@code occurredOn} and {@code occurredUntil} are optional: with DAY or coarser precision the date is that of
 * {@code occurredAt} in UTC unless {@code occurredOn} says otherwise; with MINUTE or HOUR {@code occurredOn} is the
 * local date where it happened when it differs from the UTC one (a strike at 22:00 UTC on 2 January in Baghdad is on
 * 3 January there).
 */
public record RecordIncident(
        @TargetAggregateIdentifier @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
        String id,

        @NotBlank String crisisId,
        @NotNull IncidentType type,
        @NotNull Instant occurredAt,
        @NotNull Precision occurredPrecision,
        LocalDate occurredOn,
        LocalDate occurredUntil,
        @NotNull @Valid Location location,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid IncidentActor> actors,
        @NotBlank @Size(max = 1000) String summary,
        @NotNull @Valid @TypedByIncidentType IncidentDetails details,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Source> sources,
        @NotNull Confidence confidence) {

    /** The name under which the service sends this command again when its id has events already (AggregateWrites). */
    public static final String AGAIN = "RecordIncident again";

    IncidentRecorded toEvent() {
        return new IncidentRecorded(
                id,
                crisisId,
                type,
                occurredAt,
                occurredPrecision,
                occurredOn,
                occurredUntil,
                location,
                actors,
                summary,
                details,
                sources,
                confidence,
                null);
    }
}

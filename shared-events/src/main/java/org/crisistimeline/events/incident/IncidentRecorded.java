package org.crisistimeline.events.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.TypedByIncidentType;

/**
 * Something happened in the world and was recorded. {@code details} has the shape that {@code type} names; the time
 * the system stored it (recordedAt) is the event's own timestamp, never part of the payload.
 *
 * <p>When it happened: with MINUTE or HOUR precision {@code occurredAt} is the instant. With DAY or coarser the time is
 * the local calendar date where it happened, {@code occurredOn} (an incident known to the day in Baghdad is on its
 * Baghdad date, whatever the UTC date was), and {@code occurredAt} is that date at 00:00 UTC, an instant kept so that
 * readers order every incident by one field; {@code occurredUntil} ends a range of days. The constructor derives
 * {@code occurredOn} from {@code occurredAt} where it is missing and aligns {@code occurredAt} to it, so both always
 * agree.
 *
 * <p>The constraints are what every stored event satisfies (the write API and the import check them); here they make
 * the published JSON Schema.
 *
 * @param occurredOn the local calendar date where it happened: always there with DAY or coarser precision; with MINUTE
 *     or HOUR only when the recorder gave it
 * @param occurredUntil the last day of a range ({@code date_start}..{@code date_end}), inclusive; absent for one day
 * @param location absent when the source gives no geography (never a guessed one)
 * @param actors may be empty for an imported row that names no actor
 * @param details absent only for an imported incident whose data set says nothing particular to its type
 * @param sources may be empty for an imported row that cites nothing: its {@code origin} is then its source
 * @param origin the data set row it was imported from; absent when recorded through the write API
 */
public record IncidentRecorded(
        @NotBlank String incidentId,
        @NotBlank String crisisId,
        @NotNull IncidentType type,
        @NotNull Instant occurredAt,
        @NotNull Precision occurredPrecision,
        LocalDate occurredOn,
        LocalDate occurredUntil,
        @Valid Location location,
        @NotNull List<@Valid IncidentActor> actors,
        @NotBlank String summary,
        @Valid @TypedByIncidentType IncidentDetails details,
        @NotNull List<@Valid Source> sources,
        @NotNull Confidence confidence,
        @Valid Origin origin) {

    public IncidentRecorded {
        actors = actors == null ? List.of() : List.copyOf(actors);
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (occurredPrecision != null && occurredPrecision.isCalendarDate()) {
            if (occurredOn == null && occurredAt != null) {
                occurredOn = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
            }
            if (occurredOn != null) {
                occurredAt = occurredOn.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
        if (occurredUntil != null && occurredUntil.equals(occurredOn)) {
            occurredUntil = null; // a range of one day is that day
        }
    }

    /** An incident as the write API records it (version 2's fields): one time, no range, no origin. */
    public IncidentRecorded(
            String incidentId,
            String crisisId,
            IncidentType type,
            Instant occurredAt,
            Precision occurredPrecision,
            Location location,
            List<IncidentActor> actors,
            String summary,
            IncidentDetails details,
            List<Source> sources,
            Confidence confidence) {
        this(
                incidentId,
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
                sources,
                confidence,
                null);
    }

    /** The same incident with other sources, as it stands once more reports are attached. */
    public IncidentRecorded withSources(List<Source> sources) {
        return new IncidentRecorded(
                incidentId,
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
                origin);
    }

    /** The incident with the fields a correction sets replaced; sources are kept. */
    public IncidentRecorded amendedBy(IncidentChanges changes) {
        boolean retimed =
                changes.occurredAt() != null || changes.occurredPrecision() != null || changes.occurredOn() != null;
        Precision precision = changes.occurredPrecision() != null ? changes.occurredPrecision() : occurredPrecision;
        // a new time replaces the old one whole: a date kept from before would override the new instant
        LocalDate on = changes.occurredOn() != null ? changes.occurredOn() : retimed ? null : occurredOn;
        return new IncidentRecorded(
                incidentId,
                changes.crisisId() != null ? changes.crisisId() : crisisId,
                changes.type() != null ? changes.type() : type,
                changes.occurredAt() != null ? changes.occurredAt() : occurredAt,
                precision,
                on,
                changes.occurredUntil() != null ? changes.occurredUntil() : retimed ? null : occurredUntil,
                changes.location() != null ? changes.location() : location,
                changes.actors() != null ? changes.actors() : actors,
                changes.summary() != null ? changes.summary() : summary,
                changes.details() != null ? changes.details() : details,
                sources,
                changes.confidence() != null ? changes.confidence() : confidence,
                changes.origin() != null ? changes.origin() : origin);
    }
}

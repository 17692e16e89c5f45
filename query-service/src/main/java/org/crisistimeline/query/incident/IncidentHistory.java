package org.crisistimeline.query.incident;

import java.time.Instant;
import java.util.List;

/** Every version of an incident, oldest first: what each event changed, when, by whom and why. */
public record IncidentHistory(String incidentId, List<Entry> versions) {

    /**
     * @param recordedAt when the event that made the version was stored
     * @param recordedBy the principal that recorded it; null until the events carry it
     * @param reason why, for amendments, disputes, verifications and retractions
     * @param changes the fields it changed; for the first version every field set, from null
     */
    public record Entry(
            int version,
            VersionKind kind,
            Instant recordedAt,
            String recordedBy,
            String reason,
            List<FieldChange> changes) {}
}

package org.crisistimeline.events.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * IncidentRecorded v2 to v3: an incident known to the day (or month) gains its calendar date, {@code occurredOn}. v2
 * had only the instant {@code occurredAt}, which the write API's clients (and the demo data) gave as the date at 00:00
 * UTC, so the date is read in UTC and {@code occurredAt} becomes that date at 00:00 UTC. Everything else v2 had is the
 * same in v3; what v3 added (a range, admin areas, an origin, citations without URL) is simply absent.
 */
final class IncidentRecordedV2ToV3 {

    private IncidentRecordedV2ToV3() {}

    static ObjectNode upcast(ObjectNode incident) {
        String precision = incident.path("occurredPrecision").asText();
        if (precision.equals("DAY") || precision.equals("MONTH")) {
            String occurredAt = incident.path("occurredAt").asText();
            try {
                LocalDate on = LocalDate.ofInstant(Instant.parse(occurredAt), ZoneOffset.UTC);
                incident.put(
                        "occurredAt",
                        on.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
                incident.put("occurredOn", on.toString());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "IncidentRecorded.v2 occurredAt is not an instant: " + occurredAt, e);
            }
        }
        return incident;
    }
}

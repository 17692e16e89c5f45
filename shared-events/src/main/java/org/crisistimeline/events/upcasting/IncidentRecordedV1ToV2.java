package org.crisistimeline.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * IncidentRecorded v1 to v2: a strike's casualties were plain counts ({@code "killed": 10}); they are now estimates
 * ({@code "killed": {"low": 10, "best": 10, "high": 10}}). A count is what one source reported, so it becomes an
 * estimate whose three figures are that count. Everything else is unchanged.
 */
final class IncidentRecordedV1ToV2 {

    private IncidentRecordedV1ToV2() {}

    static ObjectNode upcast(ObjectNode incident) {
        if (incident.path("details").path("casualties") instanceof ObjectNode casualties) {
            estimate(casualties, "killed");
            estimate(casualties, "injured");
        }
        return incident;
    }

    private static void estimate(ObjectNode casualties, String field) {
        JsonNode count = casualties.get(field);
        if (count == null || count.isNull()) {
            casualties.remove(field); // null was "not reported", as absent is
        } else if (count.isIntegralNumber()) {
            casualties
                    .putObject(field)
                    .put("low", count.intValue())
                    .put("best", count.intValue())
                    .put("high", count.intValue());
        } else {
            throw new IllegalArgumentException("IncidentRecorded.v1 casualties." + field + " is not a count: " + count);
        }
    }
}

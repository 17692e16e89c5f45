package org.crisistimeline.command.incident;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.events.incident.IncidentRecorded;

/**
 * Rules of an incident that no single field's constraint states, shared by the write API's aggregate and the import,
 * which both store {@link IncidentRecorded}.
 */
public final class IncidentRules {

    private IncidentRules() {}

    /** How its time, range and details fit together; every broken rule is listed, under {@code prefix}. */
    public static List<InvalidField> occurrence(IncidentRecorded incident, String prefix) {
        List<InvalidField> broken = new ArrayList<>();
        LocalDate on = incident.occurredOn();
        LocalDate until = incident.occurredUntil();
        if (until != null && !incident.occurredPrecision().isCalendarDate()) {
            broken.add(new InvalidField(
                    prefix + "occurredUntil", "a range of days needs DAY, WEEK, MONTH or YEAR precision"));
        } else if (until != null && on != null && until.isBefore(on)) {
            broken.add(new InvalidField(prefix + "occurredUntil", "must not be before occurredOn (" + on + ")"));
        }
        if (on != null && !incident.occurredPrecision().isCalendarDate()) {
            // a local date is at most 14 hours from UTC, so at most one day from the instant's UTC date
            LocalDate utc = LocalDate.ofInstant(incident.occurredAt(), ZoneOffset.UTC);
            if (Math.abs(on.toEpochDay() - utc.toEpochDay()) > 1) {
                broken.add(new InvalidField(
                        prefix + "occurredOn", "must be the local date of occurredAt (" + utc + " in UTC)"));
            }
        }
        if (incident.details() == null && incident.origin() == null) {
            broken.add(new InvalidField(prefix + "details", "must not be null"));
        }
        return broken;
    }
}

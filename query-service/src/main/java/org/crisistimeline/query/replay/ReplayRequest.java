package org.crisistimeline.query.replay;

import static org.crisistimeline.query.system.QueryParameters.refuseUnknown;
import static org.crisistimeline.query.system.QueryParameters.single;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;

/**
 * A replay asked for, checked.
 *
 * @param speed how many seconds of news pass in one second of replay; null for {@code max}, everything at once
 * @param after the Last-Event-ID to resume after, or null to start at the beginning
 */
record ReplayRequest(String crisisId, Double speed, ReplayPosition after) {

    static final List<String> PARAMETERS = List.of("crisis", "speed");
    static final String LAST_EVENT_ID = "Last-Event-ID";

    /** @throws InvalidParameters naming every parameter at fault */
    static ReplayRequest parse(Map<String, List<String>> parameters, String lastEventId) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, PARAMETERS, errors);
        int faultsBefore = errors.size();
        String crisisId = single("crisis", parameters, errors);
        // a crisis given twice or with a NUL was refused already: "required" would be a second, wrong reason
        if (errors.size() == faultsBefore && (crisisId == null || crisisId.isBlank())) {
            errors.add(new InvalidParameter("crisis", "is required: the id of the crisis to replay"));
        }
        Double speed = speed(single("speed", parameters, errors), errors);
        ReplayPosition after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = ReplayPosition.decode(lastEventId.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidParameter(LAST_EVENT_ID, "is not an event id of this replay"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        return new ReplayRequest(crisisId.strip(), speed, after);
    }

    /** The wait before an event that became news {@code gap} after the one before, never longer than {@code cap}. */
    Duration wait(Duration gap, Duration cap) {
        if (speed == null || gap.isNegative() || gap.isZero()) {
            return Duration.ZERO;
        }
        double nanos = gap.toNanos() / speed;
        return nanos >= cap.toNanos() ? cap : Duration.ofNanos((long) nanos);
    }

    private static Double speed(String value, List<InvalidParameter> errors) {
        // everything at once unless asked otherwise: a client that wants the pace says how fast
        if (value == null || value.strip().toLowerCase(Locale.ROOT).equals("max")) {
            return null;
        }
        try {
            double speed = Double.parseDouble(value.strip());
            if (speed > 0 && Double.isFinite(speed)) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // reported below, like a speed out of range
        }
        errors.add(new InvalidParameter(
                "speed", "must be a positive number (3600 = an hour of news a second) or max (no waiting)"));
        return null;
    }
}

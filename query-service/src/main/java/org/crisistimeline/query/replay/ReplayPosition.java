package org.crisistimeline.query.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.crisistimeline.query.system.QueryParameters;

/**
 * Where an event stands in a replay: the time it became news, then the incident and its version to break ties. It is
 * the SSE {@code id}, such as {@code 2020-01-03T01:10:00Z/soleimani-killed/1}, and a client resumes right after it with
 * {@code Last-Event-ID}. It depends only on the events, so it means the same after a rebuild of the read model.
 */
record ReplayPosition(Instant newsAt, String incidentId, int version) {

    ReplayPosition {
        if (newsAt == null || incidentId == null || incidentId.isEmpty() || version < 1) {
            throw new IllegalArgumentException("a replay position needs a time, an incident and a version");
        }
    }

    String encode() {
        return newsAt + "/" + incidentId + "/" + version;
    }

    /** @throws IllegalArgumentException if the text is not a position made by {@link #encode()} */
    static ReplayPosition decode(String text) {
        // an instant has no slash, an incident id may have none; the version is after the last
        int first = text.indexOf('/');
        int last = text.lastIndexOf('/');
        if (first < 0 || last <= first || !QueryParameters.storableText(text)) {
            throw new IllegalArgumentException("not a replay position: " + text);
        }
        try {
            return new ReplayPosition(
                    QueryParameters.parseInstant(text.substring(0, first)),
                    text.substring(first + 1, last),
                    Integer.parseInt(text.substring(last + 1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not a replay position: " + text, e);
        }
    }
}

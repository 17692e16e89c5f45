package org.crisistimeline.query.timeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.crisistimeline.query.system.QueryParameters;

/**
 * Where a page of a timeline ended: the occurredAt and id of its last incident, the key the timeline is ordered by.
 * The next page starts right after it (keyset pagination), so it stays correct while incidents are added and costs the
 * same on page 1 and page 1000. Clients see it as an opaque base64url string.
 */
record TimelineCursor(Instant occurredAt, String incidentId) {

    // an instant's text never contains it, so everything after the first one is the id
    private static final char SEPARATOR = '|';

    TimelineCursor {
        if (occurredAt == null || incidentId == null || incidentId.isEmpty()) {
            throw new IllegalArgumentException("a cursor needs an occurredAt and an incident id");
        }
    }

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((occurredAt.toString() + SEPARATOR + incidentId).getBytes(UTF_8));
    }

    /** @throws IllegalArgumentException if the text is not a cursor made by {@link #encode()} */
    static TimelineCursor decode(String text) {
        String decoded = utf8(Base64.getUrlDecoder().decode(text));
        int separator = decoded.indexOf(SEPARATOR);
        if (separator < 0 || !QueryParameters.storableText(decoded)) {
            throw new IllegalArgumentException("not a cursor: no separator, or a NUL character");
        }
        try {
            return new TimelineCursor(
                    QueryParameters.parseInstant(decoded.substring(0, separator)), decoded.substring(separator + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a cursor: no instant", e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not a cursor: not UTF-8", e);
        }
    }
}

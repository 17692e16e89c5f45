package org.crisistimeline.query.projection;

import java.time.Instant;

/**
 * A record of the event topic that could not be applied, with the error. While it is open (not resolved), the later
 * records of its aggregate are parked behind it.
 *
 * @param aggregateId null when the record named no aggregate
 * @param parked how many later records of the aggregate wait behind it
 * @param resolvedAt when a retry applied it; null while it is open
 */
public record DeadLetter(
        long id,
        String aggregateId,
        HeldRecord record,
        String error,
        int attempts,
        Instant failedAt,
        Instant lastFailedAt,
        Instant resolvedAt,
        int parked) {

    public boolean isOpen() {
        return resolvedAt == null;
    }
}

package org.crisistimeline.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What the events applied in one transaction share: the advisory locks already taken (a transaction-level lock is held
 * until the commit, so taking it again for the next event of a poll is a wasted statement) and how far the occurredAt
 * of any entry ran ahead of its recordedAt and reportedAt, written once at the end instead of once per event.
 *
 * <p>One instance per transaction, never shared with a savepoint that may roll back (a lock taken under a savepoint
 * that is rolled back is released with it): {@link ReadModel#apply} makes one per event, {@link ReadModel#applyAll}
 * one per poll.
 */
public final class ApplyBatch {

    private final Set<String> locksTaken = new HashSet<>();
    private Lead afterRecorded;
    private Lead afterReported;

    /** @return true the first time a lock is named in this transaction: the caller takes it now */
    public boolean firstTime(int lockSpace, String key) {
        return locksTaken.add(lockSpace + ":" + key);
    }

    /** An entry whose occurredAt is {@code occurredAt}, valid from {@code validFrom} and reported at {@code reportedAt}. */
    public void entry(Instant occurredAt, Instant validFrom, Instant reportedAt) {
        afterRecorded = Lead.max(afterRecorded, occurredAt, validFrom);
        afterReported = Lead.max(afterReported, occurredAt, reportedAt);
    }

    /** The entry whose occurredAt is furthest after its recordedAt, or null when there was none. */
    public Lead afterRecorded() {
        return afterRecorded;
    }

    /** The entry whose occurredAt is furthest after its reportedAt, or null when there was none. */
    public Lead afterReported() {
        return afterReported;
    }

    /**
     * The two instants themselves, not their difference, so the database computes the interval exactly as it did when
     * each event widened the lead on its own.
     */
    public record Lead(Instant occurredAt, Instant from) {

        static Lead max(Lead current, Instant occurredAt, Instant from) {
            if (occurredAt == null || from == null) {
                return current;
            }
            var candidate = new Lead(occurredAt, from);
            return current == null || candidate.length().compareTo(current.length()) > 0 ? candidate : current;
        }

        Duration length() {
            return Duration.between(from, occurredAt);
        }
    }
}

package org.crisistimeline.command.audit;

/**
 * One place where the event store is not what was appended.
 *
 * @param sequence the sequence number of the event concerned (for {@link Kind#MISSING}, the first one missing)
 */
public record Break(String aggregateId, long sequence, Kind kind, String detail) {

    public enum Kind {
        /** The event's content (payload, metadata, timestamp, sequence, type, ids) no longer gives its hash. */
        CHANGED,
        /** Events are gone: a gap in the sequence numbers, or an aggregate or head a checkpoint saw. */
        MISSING,
        /** The event was stored before the event it follows (global order contradicts sequence order): swapped. */
        OUT_OF_ORDER,
        /** The event is chained to another predecessor than the one stored before it: replaced or reordered. */
        CHAIN_BROKEN,
        /** The aggregate ends before the head a checkpoint saw: its last events were deleted. */
        TRUNCATED,
        /** The event carries no hash: stored before tamper evidence existed, or its hash was stripped. */
        UNHASHED
    }
}

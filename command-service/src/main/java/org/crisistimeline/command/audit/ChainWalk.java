package org.crisistimeline.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.crisistimeline.command.audit.Break.Kind;
import org.crisistimeline.command.audit.CanonicalJson.NotCanonicalisable;
import org.crisistimeline.command.audit.Checkpoint.Head;

/**
 * Walks the event store aggregate by aggregate, in sequence order, and reports every place where it is not what was
 * appended. It streams: one row in memory at a time (plus the heads of a checkpoint it is compared with).
 *
 * <p>Per event it checks that its content still gives its hash ({@link Kind#CHANGED}), that its sequence number follows
 * the previous one ({@link Kind#MISSING}), that it is chained to the event stored before it ({@link
 * Kind#CHAIN_BROKEN}) and that it was appended after it ({@link Kind#OUT_OF_ORDER}). Against a checkpoint it also checks
 * that every head the checkpoint saw is still there with the same hash ({@link Kind#TRUNCATED}, {@link Kind#MISSING},
 * {@link Kind#CHANGED}): deleting an aggregate's last events, or all of them, leaves no trace in the chain itself.
 */
final class ChainWalk {

    static final String EVENTS_IN_CHAIN_ORDER = "SELECT global_index, event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
            + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number";
    private static final int FETCH_SIZE = 500;

    /** What was walked; breaks go to the consumer as they are found. */
    record Summary(long aggregates, long events, long breaks) {}

    /** Work on one consistent snapshot of the store. */
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a read-only repeatable-read transaction, so that a walk and the heads it reports belong to one
     * moment even while events are appended, then ends the transaction.
     */
    static <T> T inSnapshot(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return work.run(connection);
        } finally {
            connection.rollback();
        }
    }

    private final Map<String, Head> checkpointHeads;
    private final Consumer<Break> breaks;
    private final Consumer<Head> heads;

    private long aggregateCount;
    private long eventCount;
    private long breakCount;

    // the aggregate being walked
    private String aggregateId;
    private long expectedSequence;
    private long lastSequence;
    private long lastGlobalIndex;
    private String lastHash;
    private Head checkpointHead;
    private String hashAtCheckpointHead;

    private ChainWalk(Map<String, Head> checkpointHeads, Consumer<Break> breaks, Consumer<Head> heads) {
        this.checkpointHeads = new HashMap<>(checkpointHeads);
        this.breaks = breaks;
        this.heads = heads;
    }

    /**
     * Walks every event of the store reachable through {@code connection}, which must not be in auto-commit mode
     * (PostgreSQL only streams a result set inside a transaction).
     *
     * @param checkpointHeads by aggregate id, the heads of a checkpoint to compare with; empty for none
     * @param heads receives the head of each aggregate as stored now: its last sequence number and that event's hash
     */
    static Summary walk(
            Connection connection, Map<String, Head> checkpointHeads, Consumer<Break> breaks, Consumer<Head> heads)
            throws SQLException {
        var walk = new ChainWalk(checkpointHeads, breaks, heads);
        try (PreparedStatement events = connection.prepareStatement(EVENTS_IN_CHAIN_ORDER)) {
            events.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    walk.visit(rows);
                }
            }
        }
        walk.endAggregate();
        walk.checkpointAggregatesGone();
        return new Summary(walk.aggregateCount, walk.eventCount, walk.breakCount);
    }

    private void visit(ResultSet row) throws SQLException {
        String rowAggregate = row.getString("aggregate_identifier");
        if (!rowAggregate.equals(aggregateId)) {
            endAggregate();
            startAggregate(rowAggregate);
        }
        eventCount++;
        long sequence = row.getLong("sequence_number");
        long globalIndex = row.getLong("global_index");
        boolean gap = sequence != expectedSequence;
        if (gap) {
            report(
                    expectedSequence,
                    Kind.MISSING,
                    expectedSequence == sequence - 1
                            ? "event %d is missing".formatted(expectedSequence)
                            : "events %d to %d are missing".formatted(expectedSequence, sequence - 1));
        }
        if (globalIndex < lastGlobalIndex) {
            report(
                    sequence,
                    Kind.OUT_OF_ORDER,
                    "stored before event %d that it follows (global index %d < %d)"
                            .formatted(lastSequence, globalIndex, lastGlobalIndex));
        }
        String hash = checkEvent(row, sequence, gap);
        if (checkpointHead != null && checkpointHead.sequence() == sequence) {
            hashAtCheckpointHead = hash;
        }
        lastSequence = sequence;
        lastGlobalIndex = globalIndex;
        lastHash = hash;
        expectedSequence = sequence + 1;
    }

    /** @return the event's stored hash, or null if it has none */
    private String checkEvent(ResultSet row, long sequence, boolean afterGap) throws SQLException {
        JsonNode metadata;
        try {
            byte[] stored = row.getBytes("meta_data");
            metadata = stored == null ? null : CanonicalJson.read(stored);
        } catch (NotCanonicalisable unreadable) {
            report(sequence, Kind.CHANGED, "metadata is " + unreadable.getMessage());
            return null;
        }
        String hash = text(metadata, EventEnvelope.HASH);
        String previousHash = text(metadata, EventEnvelope.PREVIOUS_HASH);
        if (hash == null) {
            report(sequence, Kind.UNHASHED, "the event has no hash in its metadata");
            return null;
        }
        if (previousHash == null) {
            report(sequence, Kind.CHANGED, "the event has a hash but no previousHash in its metadata");
            return hash;
        }
        try {
            EventEnvelope envelope = new EventEnvelope(
                    aggregateId,
                    row.getString("type"),
                    row.getString("event_identifier"),
                    sequence,
                    EventEnvelope.typeOf(row.getString("payload_type"), row.getString("payload_revision")),
                    row.getString("time_stamp"),
                    CanonicalJson.read(row.getBytes("payload")),
                    metadata);
            if (!hash.equals(envelope.hash(previousHash))) {
                report(sequence, Kind.CHANGED, "its content no longer gives its hash " + abbreviated(hash));
            }
        } catch (NotCanonicalisable unreadable) {
            report(sequence, Kind.CHANGED, "payload is " + unreadable.getMessage());
        }
        // after a gap the real predecessor is gone; with a predecessor that has no hash there is nothing to compare
        boolean predecessorKnown = sequence == 0 || (!afterGap && lastHash != null);
        String expectedPrevious = sequence == 0 ? EventEnvelope.GENESIS : lastHash;
        if (predecessorKnown && !previousHash.equals(expectedPrevious)) {
            report(
                    sequence,
                    Kind.CHAIN_BROKEN,
                    "chained to %s, but the event stored before it has hash %s"
                            .formatted(abbreviated(previousHash), abbreviated(expectedPrevious)));
        }
        return hash;
    }

    private void startAggregate(String id) {
        aggregateId = id;
        aggregateCount++;
        expectedSequence = 0;
        lastSequence = -1;
        lastGlobalIndex = Long.MIN_VALUE;
        lastHash = null;
        checkpointHead = checkpointHeads.remove(id);
        hashAtCheckpointHead = null;
    }

    private void endAggregate() {
        if (aggregateId == null) {
            return;
        }
        heads.accept(new Head(aggregateId, lastSequence, lastHash));
        if (checkpointHead == null) {
            return;
        }
        long seen = checkpointHead.sequence();
        if (lastSequence < seen) {
            report(
                    lastSequence + 1,
                    Kind.TRUNCATED,
                    "the checkpoint saw events up to %d; the store ends at %d".formatted(seen, lastSequence));
        } else if (hashAtCheckpointHead == null) {
            report(
                    seen,
                    Kind.MISSING,
                    "the checkpoint's head event %d is not in the store, or has no hash".formatted(seen));
        } else if (!hashAtCheckpointHead.equals(checkpointHead.hash())) {
            report(
                    seen,
                    Kind.CHANGED,
                    "hash %s differs from the checkpoint's %s: the chain was rewritten since"
                            .formatted(abbreviated(hashAtCheckpointHead), abbreviated(checkpointHead.hash())));
        }
    }

    private void checkpointAggregatesGone() {
        checkpointHeads.values().stream()
                .sorted(Comparator.comparing(Head::aggregateId))
                .forEach(head -> report(
                        head.aggregateId(),
                        0,
                        Kind.MISSING,
                        "all %d events the checkpoint saw are gone".formatted(head.sequence() + 1)));
    }

    private void report(long sequence, Kind kind, String detail) {
        report(aggregateId, sequence, kind, detail);
    }

    private void report(String aggregate, long sequence, Kind kind, String detail) {
        breakCount++;
        breaks.accept(new Break(aggregate, sequence, kind, detail));
    }

    private static String text(JsonNode metadata, String key) {
        JsonNode value = metadata == null ? null : metadata.get(key);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String abbreviated(String hash) {
        if (hash == null) {
            return "none";
        }
        return hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
    }
}

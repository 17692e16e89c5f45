package org.crisistimeline.query.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The sequence number of the last event applied per aggregate: what makes a redelivery change nothing. */
@Component
class AggregatePositions {

    private final JdbcTemplate jdbc;

    AggregatePositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the aggregate's position to {@code sequence} if that is past it. One statement, so two consumers racing
     * with the same event (during a rebalance) serialise on the row and only one of them advances it.
     *
     * @return true when the event is new and must be applied, false for a redelivery
     */
    boolean advance(String aggregateId, long sequence) {
        int advanced = jdbc.update("""
                INSERT INTO aggregate_position (aggregate_id, last_sequence) VALUES (?, ?)
                ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = excluded.last_sequence
                WHERE aggregate_position.last_sequence < excluded.last_sequence
                """, aggregateId, sequence);
        return advanced == 1;
    }

    /** The positions of those aggregates that have one; read under their locks, so they stay until the commit. */
    Map<String, Long> of(List<String> aggregateIds) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query(
                "SELECT aggregate_id, last_sequence FROM aggregate_position WHERE aggregate_id = ANY (?)",
                (RowCallbackHandler) row -> positions.put(row.getString(1), row.getLong(2)),
                (Object) aggregateIds.toArray(String[]::new));
        return positions;
    }

    /**
     * Moves the positions of several aggregates, in one statement, to sequences read past them under their locks
     * ({@link #of}). A position that did not move means a writer that does not take the lock got there first: the
     * transaction is rolled back rather than applying an event twice.
     */
    void moveTo(Map<String, Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        String[] aggregateIds = sequences.keySet().toArray(String[]::new);
        Long[] lastSequences = new Long[aggregateIds.length];
        for (int i = 0; i < aggregateIds.length; i++) {
            lastSequences[i] = sequences.get(aggregateIds[i]);
        }
        int moved = jdbc.update("""
                INSERT INTO aggregate_position (aggregate_id, last_sequence)
                SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]))
                ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = excluded.last_sequence
                WHERE aggregate_position.last_sequence < excluded.last_sequence
                """, aggregateIds, lastSequences);
        if (moved != aggregateIds.length) {
            throw new IllegalStateException(
                    (aggregateIds.length - moved) + " aggregate positions were moved by another writer meanwhile");
        }
    }
}

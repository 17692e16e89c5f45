package org.crisistimeline.query.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisistimeline.query.event.CopyIn;
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
     * Moves the positions of several aggregates to sequences read past them under their locks ({@link #of}): those
     * that had none are copied in (a rebuild's every aggregate, an import's every incident), the others updated in one
     * statement. A position that did not move, or one that appeared meanwhile, means a writer that does not take the
     * lock got there first: the transaction fails rather than applying an event twice.
     *
     * @param known the positions read before, of those aggregates that had one
     */
    void moveTo(Map<String, Long> sequences, Map<String, Long> known) {
        var added = CopyIn.into("aggregate_position", CopyIn.text("aggregate_id"), CopyIn.int8("last_sequence"));
        List<String> movedIds = new ArrayList<>();
        List<Long> movedSequences = new ArrayList<>();
        sequences.forEach((aggregateId, sequence) -> {
            if (known.containsKey(aggregateId)) {
                movedIds.add(aggregateId);
                movedSequences.add(sequence);
            } else {
                added.row(aggregateId, sequence);
            }
        });
        added.write(jdbc);
        if (movedIds.isEmpty()) {
            return;
        }
        int moved = jdbc.update("""
                UPDATE aggregate_position p SET last_sequence = m.last_sequence
                FROM unnest(CAST(? AS text[]), CAST(? AS bigint[])) AS m (aggregate_id, last_sequence)
                WHERE p.aggregate_id = m.aggregate_id AND p.last_sequence < m.last_sequence
                """, movedIds.toArray(String[]::new), movedSequences.toArray(Long[]::new));
        if (moved != movedIds.size()) {
            throw new IllegalStateException(
                    (movedIds.size() - moved) + " aggregate positions were moved by another writer meanwhile");
        }
    }
}

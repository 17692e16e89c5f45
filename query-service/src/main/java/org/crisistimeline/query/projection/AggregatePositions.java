package org.crisistimeline.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
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
}

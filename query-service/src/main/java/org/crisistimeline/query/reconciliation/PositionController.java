package org.crisistimeline.query.reconciliation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read model's side of a reconciliation with the event store: per aggregate, the sequence number of the last event
 * applied. {@code infra/reconcile.sh} compares it with the command service's {@code GET /api/v1/audit/heads}, so
 * neither service reads the other's database. Needs {@code admin} ({@code /api/v1/admin/**}).
 */
@RestController
class PositionController {

    private final JdbcTemplate jdbc;

    PositionController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param readAt taken before the read: every event applied before it is counted in {@code positions} */
    record Positions(Instant readAt, long aggregates, List<Position> positions) {}

    record Position(String aggregateId, long sequence) {}

    @GetMapping("/api/v1/admin/positions")
    Positions positions() {
        Instant readAt = Instant.now();
        List<Position> positions = new ArrayList<>();
        jdbc.query(
                "SELECT aggregate_id, last_sequence FROM aggregate_position ORDER BY aggregate_id",
                (RowCallbackHandler) row -> positions.add(new Position(row.getString(1), row.getLong(2))));
        return new Positions(readAt, positions.size(), positions);
    }
}

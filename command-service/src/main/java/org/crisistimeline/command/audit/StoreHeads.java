package org.crisistimeline.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The head of every aggregate as stored now, without walking the chains: what a reconciliation with the read model
 * compares against ({@code infra/reconcile.sh}, docs/operations.md). A checkpoint gives the same heads, signed, after a
 * full walk; this is one index scan.
 */
@Component
class StoreHeads {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StoreHeads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param readAt taken before the read: every event committed before it is in {@code heads} */
    record Heads(Instant readAt, long aggregates, List<Checkpoint.Head> heads) {}

    Heads now() {
        Instant readAt = clock.instant();
        List<Checkpoint.Head> heads = new ArrayList<>();
        // the unique index on (aggregate_identifier, sequence_number) serves DISTINCT ON in its order
        jdbc.query("""
                SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, meta_data
                  FROM domain_event_entry
                 ORDER BY aggregate_identifier, sequence_number DESC
                """, (RowCallbackHandler)
                row -> heads.add(new Checkpoint.Head(row.getString(1), row.getLong(2), hash(row.getBytes(3)))));
        return new Heads(readAt, heads.size(), heads);
    }

    private static String hash(byte[] metadata) {
        if (metadata == null) {
            return null;
        }
        try {
            JsonNode hash = CanonicalJson.read(metadata).get(EventEnvelope.HASH);
            return hash == null || !hash.isTextual() ? null : hash.asText();
        } catch (RuntimeException unreadable) {
            return null; // a walk (GET /api/v1/audit/verify) reports such an event; heads only say it has no hash
        }
    }
}

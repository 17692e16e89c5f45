package org.crisistimeline.query.audit;

import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail: who recorded each event the read model applied, when and why. It is the event log's own rows
 * (event_log, written by the stream's projection in the transaction that applies the events), read by auditors.
 */
@Component
class AuditTrail {

    private final NamedParameterJdbcTemplate jdbc;

    AuditTrail(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of entries, newest first, after the position {@code before} when given. */
    List<AuditEntry> page(AuditFilter filter, Long before, int limit) {
        var parameters = new MapSqlParameterSource()
                .addValue("principal", filter.principal())
                .addValue("incident", filter.incident())
                .addValue("type", filter.type())
                .addValue("from", filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC))
                .addValue("to", filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC))
                .addValue("before", before)
                .addValue("limit", limit);
        return jdbc.query(
                """
                SELECT position, event_type, aggregate_id, sequence, recorded_at, principal, reason
                FROM event_log
                WHERE (CAST(:principal AS text) IS NULL OR principal = :principal)
                  AND (CAST(:incident AS text) IS NULL OR aggregate_id = :incident)
                  AND (CAST(:type AS text) IS NULL OR event_type = :type)
                  AND (CAST(:from AS timestamptz) IS NULL OR recorded_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR recorded_at < :to)
                  AND (CAST(:before AS bigint) IS NULL OR position < :before)
                ORDER BY position DESC
                LIMIT :limit
                """,
                parameters,
                (row, i) -> new AuditEntry(
                        row.getLong("position"),
                        row.getString("event_type"),
                        row.getString("aggregate_id"),
                        row.getLong("sequence"),
                        row.getTimestamp("recorded_at").toInstant(),
                        row.getString("principal"),
                        row.getString("reason")));
    }

    record AuditEntry(
            long position,
            String eventType,
            String aggregateId,
            long sequence,
            java.time.Instant recordedAt,
            String principal,
            String reason) {}

    record AuditFilter(String principal, String incident, String type, java.time.Instant from, java.time.Instant to) {}
}

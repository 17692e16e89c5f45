package org.crisistimeline.query.audit;

import java.time.ZoneOffset;
import java.util.List;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.query.event.CopyIn;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.event.Projection;
import org.crisistimeline.query.event.ProjectionBatch;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The audit trail of the read model: written in the transaction that applies the events, read by auditors. */
@Component
@Order(Projection.LOG)
public class AuditTrail implements Projection {

    private final NamedParameterJdbcTemplate jdbc;

    AuditTrail(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per event, in the order applied. */
    @Override
    public void apply(ProjectionBatch batch) {
        var entries = CopyIn.into(
                "audit_entry",
                CopyIn.text("event_type"),
                CopyIn.text("aggregate_id"),
                CopyIn.int8("sequence"),
                CopyIn.timestamptz("recorded_at"),
                CopyIn.text("principal"),
                CopyIn.text("reason"));
        for (EventEnvelope event : batch.events()) {
            entries.row(
                    event.type().name(),
                    event.aggregateId(),
                    event.sequence(),
                    event.recordedAt(),
                    event.principal(),
                    reason(event.payload()));
        }
        entries.write(jdbc.getJdbcTemplate());
    }

    private static String reason(Record payload) {
        if (payload instanceof IncidentAmended amended) {
            return amended.reason();
        }
        if (payload instanceof IncidentDisputed disputed) {
            return disputed.reason();
        }
        if (payload instanceof IncidentVerified verified) {
            return verified.reason();
        }
        return payload instanceof IncidentRetracted retracted ? retracted.reason() : null;
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
                FROM audit_entry
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

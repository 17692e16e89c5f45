package org.crisistimeline.query.stream;

import java.time.Instant;
import java.time.ZoneOffset;
import org.crisistimeline.events.EventType;
import org.crisistimeline.query.projection.ApplyBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Writes event_log, the read model's own numbering of the events it applied, which live streams follow. Called last in
 * the transaction of the event, so its keys are those of the state just written: an incident event is filed under
 * every country and actor whose timeline it was on before or after the event (one that moves an incident away from a
 * country still reaches that country's stream), and the incident's types.
 */
@Component
public class EventLog {

    /**
     * Held from taking a position until the commit, so positions are committed in order: a stream that has seen
     * position n has seen, or will never see, every position below it. The price is that the (short) end of each
     * transaction is serialised across consumers.
     */
    private static final long POSITION_LOCK = 0x6576_656e_745f_6c6fL;

    private final JdbcTemplate jdbc;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lock that orders the positions, unless the transaction holds it already. A poll's transaction takes it
     * before its first event, so the transactions of polls are serialised whole, and never wait for it while holding
     * the actor locks another one needs.
     */
    public void lockPositions(ApplyBatch batch) {
        if (batch.firstTime(0, "event_log")) {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", (RowCallbackHandler) row -> {}, POSITION_LOCK);
        }
    }

    public void append(EventType type, String aggregateId, long sequence, Instant recordedAt, ApplyBatch batch) {
        lockPositions(batch);
        var at = recordedAt.atOffset(ZoneOffset.UTC);
        switch (type) {
            case CRISIS_OPENED -> jdbc.update("""
                        INSERT INTO event_log (event_type, aggregate_id, sequence, recorded_at, countries, actors, types)
                        SELECT ?, ?, ?, ?, ARRAY(SELECT jsonb_array_elements_text(c.countries)), '{}', '{}'
                        FROM crisis c WHERE c.crisis_id = ?
                        """, type.name(), aggregateId, sequence, at, aggregateId);
            case ACTOR_REGISTERED, ACTOR_TITLE_ASSIGNED, ACTOR_ALIAS_ADDED ->
                jdbc.update("""
                        INSERT INTO event_log (event_type, aggregate_id, sequence, recorded_at, countries, actors, types)
                        SELECT ?, ?, ?, ?, coalesce(ARRAY(SELECT a.country WHERE a.country IS NOT NULL), '{}'),
                               ARRAY[a.actor_id], '{}'
                        FROM actor a WHERE a.actor_id = ?
                        """, type.name(), aggregateId, sequence, at, aggregateId);
            default -> jdbc.update("""
                        INSERT INTO event_log (event_type, aggregate_id, sequence, recorded_at, countries, actors, types)
                        SELECT ?, ?, ?, ?,
                               coalesce(array_agg(DISTINCT e.scope_key) FILTER (WHERE e.scope = 'country'), '{}'),
                               coalesce(array_agg(DISTINCT e.scope_key) FILTER (WHERE e.scope = 'actor'), '{}'),
                               coalesce(array_agg(DISTINCT e.type), '{}')
                        FROM timeline_entry_version e
                        WHERE e.incident_id = ? AND e.version IN (?, ?)
                        """, type.name(), aggregateId, sequence, at, aggregateId, sequence, sequence + 1);
        }
    }
}

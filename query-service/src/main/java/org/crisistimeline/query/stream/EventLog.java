package org.crisistimeline.query.stream;

import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.event.Projection;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Writes event_log, the read model's own numbering of the events it applied, which live streams follow. Runs last in
 * the transaction of a batch, one row per event in the batch's order, keyed as the event left the timelines: an
 * incident event is filed under every country and actor whose timeline its incident was on before or after the event
 * (one that moves an incident away from a country still reaches that country's stream), and the incident's types.
 */
@Component
@Order(Projection.LOG)
class EventLog implements Projection {

    /**
     * Held from taking a position until the commit, so positions are committed in order: a stream that has seen
     * position n has seen, or will never see, every position below it. Taken after every other lock of the
     * transaction (the aggregates', the actors'), so only the end of each transaction is serialised across consumers
     * and none waits for it while holding a lock another one needs.
     */
    private static final long POSITION_LOCK = 0x6576_656e_745f_6c6fL;

    private final JdbcTemplate jdbc;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<EventEnvelope> events) {
        int size = events.size();
        String[] types = new String[size];
        String[] aggregateIds = new String[size];
        Long[] sequences = new Long[size];
        String[] recordedAt = new String[size];
        String[] kinds = new String[size];
        List<String> registeredActors = new ArrayList<>();
        List<Integer> registeredAt = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            EventEnvelope event = events.get(i);
            types[i] = event.type().name();
            aggregateIds[i] = event.aggregateId();
            sequences[i] = event.sequence();
            recordedAt[i] = event.recordedAt().toString();
            kinds[i] = kind(event);
            if (event.payload() instanceof ActorRegistered actor) {
                registeredActors.add(actor.actorId());
                registeredAt.add(i + 1);
            }
        }
        jdbc.query("SELECT pg_advisory_xact_lock(?)", (RowCallbackHandler) row -> {}, POSITION_LOCK);
        // An incident's keys are those of its versions before and after the event. The countries of its actors count
        // only for actors registered before the event: one registered later in the batch puts the incident on its
        // country's timeline only then, so the event's row is the one it would have been applied alone.
        jdbc.update(
                """
                INSERT INTO event_log (event_type, aggregate_id, sequence, recorded_at, countries, actors, types)
                SELECT b.event_type, b.aggregate_id, b.sequence, b.recorded_at, k.countries, k.actors, k.types
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS timestamptz[]),
                            CAST(? AS text[])) WITH ORDINALITY AS b (event_type, aggregate_id, sequence, recorded_at,
                                                                      kind, position)
                CROSS JOIN LATERAL (
                    SELECT ARRAY(SELECT jsonb_array_elements_text(c.countries)), '{}'::text[], '{}'::text[]
                    FROM crisis c
                    WHERE b.kind = 'crisis' AND c.crisis_id = b.aggregate_id
                    UNION ALL
                    SELECT coalesce(ARRAY(SELECT a.country WHERE a.country IS NOT NULL), '{}'), ARRAY[a.actor_id::text],
                           '{}'
                    FROM actor a
                    WHERE b.kind = 'actor' AND a.actor_id = b.aggregate_id
                    UNION ALL
                    SELECT coalesce(array_agg(DISTINCT t.country) FILTER (WHERE t.country IS NOT NULL), '{}'),
                           coalesce(array_agg(DISTINCT t.actor) FILTER (WHERE t.actor IS NOT NULL), '{}'),
                           coalesce(array_agg(DISTINCT t.type) FILTER (WHERE t.type IS NOT NULL), '{}')
                    FROM incident_version v
                    CROSS JOIN LATERAL (
                        SELECT v.country COLLATE "C", CAST(NULL AS text) COLLATE "C", v.type
                        UNION ALL
                        SELECT NULL, (j ->> 'actorId') COLLATE "C", NULL
                        FROM jsonb_array_elements(v.actors) AS j
                        UNION ALL
                        SELECT a.country COLLATE "C", NULL, NULL
                        FROM jsonb_array_elements(v.actors) AS j
                        JOIN actor a ON a.actor_id = j ->> 'actorId'
                        WHERE a.country IS NOT NULL
                          AND NOT EXISTS (SELECT 1
                                          FROM unnest(CAST(? AS text[]), CAST(? AS int[])) AS r (actor_id, position)
                                          WHERE r.actor_id = a.actor_id AND r.position > b.position)
                    ) AS t (country, actor, type)
                    WHERE v.incident_id = b.aggregate_id AND v.version IN (b.sequence, b.sequence + 1)
                    HAVING b.kind = 'incident'
                ) AS k (countries, actors, types)
                ORDER BY b.position
                """,
                types,
                aggregateIds,
                sequences,
                recordedAt,
                kinds,
                registeredActors.toArray(String[]::new),
                registeredAt.toArray(Integer[]::new));
    }

    private static String kind(EventEnvelope event) {
        return switch (event.type()) {
            case CRISIS_OPENED -> "crisis";
            case ACTOR_REGISTERED, ACTOR_TITLE_ASSIGNED, ACTOR_ALIAS_ADDED -> "actor";
            default -> "incident";
        };
    }
}

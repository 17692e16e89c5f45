package org.crisistimeline.query.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.event.Projection;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps timeline_entry_version: which version of each incident is on the timeline of which crisis, actor and country,
 * and when (in recorded time) that version was valid. An incident is on a country's timeline when it happened there
 * or when one of its actors belongs to that country. Each new version closes the entries of the one before and adds
 * its own, so an amendment can move an incident along a timeline or from one timeline to another.
 *
 * <p>Runs after the incident and actor projections in the same transaction, and derives the entries of the versions a
 * batch made from their incident_version rows, validity included, in one statement; an entry is never written twice.
 */
@Component
@Order(Projection.DERIVED)
class TimelineProjection implements Projection {

    /** First key of the advisory locks taken here, so they cannot collide with locks taken for anything else. */
    private static final int ACTOR_LOCKS = 0x7469_6d65;

    private final JdbcTemplate jdbc;

    TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<EventEnvelope> events) {
        var batch = new Batch();
        for (EventEnvelope event : events) {
            Record payload = event.payload();
            if (payload instanceof IncidentRecorded recorded) {
                batch.versioned(recorded.incidentId(), event);
            } else if (payload instanceof IncidentAmended amended) {
                batch.versioned(amended.incidentId(), event);
            } else if (payload instanceof SourceAttached attached) {
                batch.versioned(attached.incidentId(), event);
            } else if (payload instanceof IncidentDisputed disputed) {
                batch.versioned(disputed.incidentId(), event);
            } else if (payload instanceof IncidentVerified verified) {
                batch.versioned(verified.incidentId(), event);
            } else if (payload instanceof IncidentRetracted retracted) {
                batch.versioned(retracted.incidentId(), event);
            } else if (payload instanceof IncidentLinked linked) {
                batch.versioned(linked.incidentId(), event);
            } else if (payload instanceof ActorRegistered actor) {
                on(actor, batch);
            }
        }
        if (batch.versions.isEmpty() && batch.actorIds.isEmpty()) {
            return;
        }
        lockActors(batch);
        if (!batch.versions.isEmpty()) {
            if (batch.changesEarlierVersions()) {
                closeEntriesBefore(batch);
            }
            addEntries(batch);
            widenOccurredLead(batch);
        }
        if (!batch.actorIds.isEmpty()) {
            addActorCountries(batch);
        }
    }

    /**
     * Actors and incidents are keyed by their own ids, so they travel on different partitions and an incident may be
     * applied before an actor it names: the actor then puts every version that names it on its country's timeline.
     */
    private static void on(ActorRegistered actor, Batch batch) {
        if (actor.country() != null) {
            batch.actorIds.add(actor.actorId());
            batch.actorCountries.add(actor.country());
        }
    }

    /**
     * An incident and an actor it names, applied at the same time by two consumers, would each miss the other's
     * uncommitted rows and neither would add the actor's country entry. So an actor's registration locks the actor
     * exclusively and an incident (for the actors of its versions before and after) shares the lock: the second to come
     * waits for the first to commit and then sees its rows, while incidents naming the same actors never wait for each
     * other. One statement takes every lock of the batch in the order of their keys, so two batches cannot deadlock.
     */
    private void lockActors(Batch batch) {
        jdbc.query(
                """
                SELECT CASE WHEN k.registers THEN pg_advisory_xact_lock(?, k.key)
                            ELSE pg_advisory_xact_lock_shared(?, k.key) END
                FROM (SELECT hashtext(a.actor_id) AS key, bool_or(a.registers) AS registers
                      FROM (SELECT j ->> 'actorId' AS actor_id, false AS registers
                            FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS int[])) AS b (incident_id, first, last)
                            JOIN incident_version v
                              ON v.incident_id = b.incident_id AND v.version BETWEEN b.first - 1 AND b.last
                            CROSS JOIN jsonb_array_elements(v.actors) AS j
                            UNION ALL
                            SELECT unnest(CAST(? AS text[])), true) AS a
                      GROUP BY 1
                      ORDER BY 1) AS k
                """,
                (RowCallbackHandler) row -> {},
                ACTOR_LOCKS,
                ACTOR_LOCKS,
                batch.incidentIds(),
                batch.firstVersions(),
                batch.lastVersions(),
                batch.actorIds.toArray(String[]::new));
    }

    /** The entries of the versions before the batch's first of each incident end where its next version begins. */
    private void closeEntriesBefore(Batch batch) {
        jdbc.update("""
                UPDATE timeline_entry_version e SET valid_to = v.valid_to
                FROM unnest(CAST(? AS text[]), CAST(? AS int[])) AS b (incident_id, first), incident_version v
                WHERE e.incident_id = b.incident_id AND e.version < b.first
                  AND e.valid_to = 'infinity'
                  AND v.incident_id = e.incident_id AND v.version = e.version
                """, batch.incidentIds(), batch.firstVersions());
    }

    /**
     * Each new version on the timelines of its crisis, its location's country (none without a location), each actor,
     * and the country of each actor registered so far (the others add theirs when they arrive: addActorCountries).
     */
    private void addEntries(Batch batch) {
        jdbc.update("""
                INSERT INTO timeline_entry_version (scope, scope_key, occurred_at, incident_id, version, type,
                                                    valid_from, valid_to, retracted, reported_at, origin_dataset,
                                                    origin_codes)
                SELECT k.scope, k.scope_key, v.occurred_at, v.incident_id, v.version, v.type, v.valid_from, v.valid_to,
                       v.status = 'RETRACTED', v.reported_at, v.origin ->> 'dataset', v.origin -> 'codes'
                FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS int[])) AS b (incident_id, first, last)
                JOIN incident_version v
                  ON v.incident_id = b.incident_id AND v.version BETWEEN b.first AND b.last
                CROSS JOIN LATERAL (
                    SELECT 'crisis', v.crisis_id COLLATE "C"
                    UNION ALL
                    SELECT 'country', v.country COLLATE "C" WHERE v.country IS NOT NULL
                    UNION ALL
                    SELECT 'actor', (j ->> 'actorId') COLLATE "C" FROM jsonb_array_elements(v.actors) AS j
                    UNION ALL
                    SELECT 'country', a.country COLLATE "C"
                    FROM jsonb_array_elements(v.actors) AS j
                    JOIN actor a ON a.actor_id = j ->> 'actorId'
                    WHERE a.country IS NOT NULL) AS k (scope, scope_key)
                ON CONFLICT DO NOTHING
                """, batch.incidentIds(), batch.firstVersions(), batch.lastVersions());
    }

    /**
     * Widens occurred_lead (V3) to the furthest lead of the entries the batch wrote; the row is only written (and
     * locked) in the rare case that one of them goes beyond it.
     */
    private void widenOccurredLead(Batch batch) {
        jdbc.update("""
                UPDATE occurred_lead
                SET after_recorded = greatest(occurred_lead.after_recorded, m.recorded),
                    after_reported = greatest(occurred_lead.after_reported, m.reported)
                FROM (SELECT max(v.occurred_at - v.valid_from) AS recorded,
                             max(v.occurred_at - v.reported_at) AS reported
                      FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS int[])) AS b (incident_id, first, last)
                      JOIN incident_version v
                        ON v.incident_id = b.incident_id AND v.version BETWEEN b.first AND b.last) AS m
                WHERE occurred_lead.after_recorded < m.recorded OR occurred_lead.after_reported < m.reported
                """, batch.incidentIds(), batch.firstVersions(), batch.lastVersions());
    }

    /**
     * Each actor registered with a country puts every version naming it on that country's timeline, valid when the
     * version was (its crisis entry says when, closed already if a later version of the batch closed it).
     */
    private void addActorCountries(Batch batch) {
        jdbc.update("""
                INSERT INTO timeline_entry_version (scope, scope_key, occurred_at, incident_id, version, type,
                                                    valid_from, valid_to, retracted, reported_at, origin_dataset,
                                                    origin_codes)
                SELECT 'country', r.country, e.occurred_at, e.incident_id, e.version, e.type, e.valid_from, e.valid_to,
                       e.retracted, e.reported_at, e.origin_dataset, e.origin_codes
                FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS r (actor_id, country)
                JOIN incident_named_actor n ON n.actor_id = r.actor_id
                JOIN incident_version v ON v.incident_id = n.incident_id
                JOIN timeline_entry_version e
                  ON e.incident_id = v.incident_id AND e.version = v.version AND e.scope = 'crisis'
                WHERE v.actors @> jsonb_build_array(jsonb_build_object('actorId', r.actor_id))
                ON CONFLICT DO NOTHING
                """, batch.actorIds.toArray(String[]::new), batch.actorCountries.toArray(String[]::new));
    }

    /** The versions a batch made, as the first and last of each incident, and the actors it registered. */
    private static final class Batch {

        private final Map<String, int[]> versions = new LinkedHashMap<>();
        private final List<String> actorIds = new ArrayList<>();
        private final List<String> actorCountries = new ArrayList<>();

        void versioned(String incidentId, EventEnvelope event) {
            int version = Math.toIntExact(event.sequence() + 1);
            int[] range = versions.computeIfAbsent(incidentId, id -> new int[] {version, version});
            range[1] = version;
        }

        /** Whether an incident of the batch had versions before it (an import of new incidents has none). */
        boolean changesEarlierVersions() {
            return versions.values().stream().anyMatch(range -> range[0] > 1);
        }

        String[] incidentIds() {
            return versions.keySet().toArray(String[]::new);
        }

        Integer[] firstVersions() {
            return versions.values().stream().map(range -> range[0]).toArray(Integer[]::new);
        }

        Integer[] lastVersions() {
            return versions.values().stream().map(range -> range[1]).toArray(Integer[]::new);
        }
    }
}

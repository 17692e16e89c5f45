package org.crisistimeline.query.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps timeline_entry: which incidents are on the timeline of which crisis, actor and country. An incident is on a
 * country's timeline when it happened there or when one of its actors belongs to that country. Called by the read
 * model inside the transaction of the event; an entry is never written twice.
 */
@Component
public class TimelineProjection {

    /** First key of the advisory locks taken here, so they cannot collide with locks taken for anything else. */
    private static final int ACTOR_LOCKS = 0x7469_6d65;

    private final JdbcTemplate jdbc;

    TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void incidentRecorded(IncidentRecorded incident) {
        List<Object[]> entries = new ArrayList<>();
        entries.add(entry(TimelineScope.CRISIS, incident.crisisId(), incident));
        entries.add(entry(TimelineScope.COUNTRY, incident.location().country(), incident));
        for (IncidentActor actor : incident.actors()) {
            entries.add(entry(TimelineScope.ACTOR, actor.actorId(), incident));
        }
        jdbc.batchUpdate("""
                INSERT INTO timeline_entry (scope, scope_key, occurred_at, incident_id, type)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, entries);

        List<String> actorIds =
                incident.actors().stream().map(IncidentActor::actorId).toList();
        lockActors(actorIds);
        // the countries of actors registered so far; the others add theirs when they arrive (actorRegistered)
        jdbc.update(
                """
                INSERT INTO timeline_entry (scope, scope_key, occurred_at, incident_id, type)
                SELECT DISTINCT 'country', a.country, ?, ?, ?
                FROM actor a
                WHERE a.actor_id = ANY (?) AND a.country IS NOT NULL
                ON CONFLICT DO NOTHING
                """,
                incident.occurredAt().atOffset(ZoneOffset.UTC),
                incident.incidentId(),
                incident.type().name(),
                actorIds.toArray(String[]::new));
    }

    /**
     * Actors and incidents are keyed by their own ids, so they travel on different partitions and an incident may be
     * applied before an actor it names: the actor then puts those incidents on its country's timeline.
     */
    public void actorRegistered(ActorRegistered actor) {
        if (actor.country() == null) {
            return;
        }
        lockActors(List.of(actor.actorId()));
        jdbc.update("""
                INSERT INTO timeline_entry (scope, scope_key, occurred_at, incident_id, type)
                SELECT DISTINCT 'country', ?, i.occurred_at, i.incident_id, i.type
                FROM incident_actor ia
                JOIN incident i ON i.incident_id = ia.incident_id
                WHERE ia.actor_id = ?
                ON CONFLICT DO NOTHING
                """, actor.country(), actor.actorId());
    }

    /**
     * An incident and an actor it names, applied at the same time by two consumers, would each miss the other's
     * uncommitted rows and neither would add the actor's country entry. Both lock the actor first, so the second waits
     * for the first to commit and then sees its rows. Locks are taken in order, so two incidents cannot deadlock.
     */
    private void lockActors(Collection<String> actorIds) {
        for (String actorId : new TreeSet<>(actorIds)) {
            jdbc.query(
                    "SELECT pg_advisory_xact_lock(?, hashtext(?))",
                    (RowCallbackHandler) row -> {},
                    ACTOR_LOCKS,
                    actorId);
        }
    }

    private static Object[] entry(TimelineScope scope, String key, IncidentRecorded incident) {
        Instant occurredAt = incident.occurredAt();
        return new Object[] {
            scope.value(),
            key,
            occurredAt.atOffset(ZoneOffset.UTC),
            incident.incidentId(),
            incident.type().name()
        };
    }
}

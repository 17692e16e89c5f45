package org.crisistimeline.query.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.query.incident.IncidentState;
import org.crisistimeline.query.incident.IncidentVersion;
import org.crisistimeline.query.projection.ApplyBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps timeline_entry_version: which version of each incident is on the timeline of which crisis, actor and country,
 * and when (in recorded time) that version was valid. An incident is on a country's timeline when it happened there
 * or when one of its actors belongs to that country. Each new version closes the entries of the one before and adds
 * its own, so an amendment can move an incident along a timeline or from one timeline to another. Called by the read
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

    /** @param batch what the transaction applying this event has done already (the actor locks it holds) */
    public void incidentVersioned(IncidentVersion version, ApplyBatch batch) {
        IncidentState incident = version.state();
        var actorIds = new TreeSet<>(incident.actorIds());
        if (version.previous() != null) {
            // the previous version's actors too: one registering now must not copy its entries while they close
            actorIds.addAll(version.previous().actorIds());
        }
        lockActors(actorIds, batch);
        if (version.previous() != null) {
            jdbc.update(
                    "UPDATE timeline_entry_version SET valid_to = ? WHERE incident_id = ? AND valid_to = 'infinity'",
                    utc(version.validFrom()),
                    version.incidentId());
        }

        List<Object[]> entries = new ArrayList<>();
        entries.add(entry(TimelineScope.CRISIS, incident.crisisId(), version));
        entries.add(entry(TimelineScope.COUNTRY, incident.location().country(), version));
        for (IncidentActor actor : incident.actors()) {
            entries.add(entry(TimelineScope.ACTOR, actor.actorId(), version));
        }
        jdbc.batchUpdate("""
                INSERT INTO timeline_entry_version (scope, scope_key, occurred_at, incident_id, version, type,
                                                    valid_from, retracted, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, entries);

        // an occurredAt after its recordedAt or reportedAt widens the bounds of the asOf and knownAt scans (V3), once
        // per transaction: widenOccurredLead
        batch.entry(incident.occurredAt(), version.validFrom(), incident.reportedAt());

        // the countries of actors registered so far; the others add theirs when they arrive (actorRegistered)
        jdbc.update(
                """
                INSERT INTO timeline_entry_version (scope, scope_key, occurred_at, incident_id, version, type,
                                                    valid_from, retracted, reported_at)
                SELECT DISTINCT 'country', a.country, ?, ?, ?, ?, ?, ?, ?
                FROM actor a
                WHERE a.actor_id = ANY (?) AND a.country IS NOT NULL
                ON CONFLICT DO NOTHING
                """,
                utc(incident.occurredAt()),
                version.incidentId(),
                version.version(),
                incident.type().name(),
                utc(version.validFrom()),
                incident.retracted(),
                utc(incident.reportedAt()),
                incident.actorIds().toArray(String[]::new));
    }

    /**
     * Actors and incidents are keyed by their own ids, so they travel on different partitions and an incident may be
     * applied before an actor it names: the actor then puts every version that names it on its country's timeline,
     * valid when that version was (its crisis entry says when).
     */
    public void actorRegistered(ActorRegistered actor, ApplyBatch batch) {
        if (actor.country() == null) {
            return;
        }
        lockActors(List.of(actor.actorId()), batch);
        jdbc.update("""
                INSERT INTO timeline_entry_version (scope, scope_key, occurred_at, incident_id, version, type,
                                                    valid_from, valid_to, retracted, reported_at)
                SELECT 'country', ?, e.occurred_at, e.incident_id, e.version, e.type, e.valid_from, e.valid_to,
                       e.retracted, e.reported_at
                FROM incident_named_actor n
                JOIN incident_version v ON v.incident_id = n.incident_id
                JOIN timeline_entry_version e
                  ON e.incident_id = v.incident_id AND e.version = v.version AND e.scope = 'crisis'
                WHERE n.actor_id = ? AND v.actors @> jsonb_build_array(jsonb_build_object('actorId', ?::text))
                ON CONFLICT DO NOTHING
                """, actor.country(), actor.actorId(), actor.actorId());
    }

    /**
     * Widens occurred_lead to the furthest lead of the entries the transaction wrote ({@link ApplyBatch#entry}); the
     * row is only written (and locked) in the rare case that one of them goes beyond it.
     */
    public void widenOccurredLead(ApplyBatch batch) {
        ApplyBatch.Lead recorded = batch.afterRecorded();
        ApplyBatch.Lead reported = batch.afterReported();
        if (recorded == null && reported == null) {
            return;
        }
        OffsetDateTime recordedOccurredAt = recorded == null ? null : utc(recorded.occurredAt());
        OffsetDateTime recordedAt = recorded == null ? null : utc(recorded.from());
        OffsetDateTime reportedOccurredAt = reported == null ? null : utc(reported.occurredAt());
        OffsetDateTime reportedAt = reported == null ? null : utc(reported.from());
        jdbc.update(
                """
                UPDATE occurred_lead
                SET after_recorded = greatest(after_recorded, CAST(? AS timestamptz) - CAST(? AS timestamptz)),
                    after_reported = greatest(after_reported, CAST(? AS timestamptz) - CAST(? AS timestamptz))
                WHERE after_recorded < CAST(? AS timestamptz) - CAST(? AS timestamptz)
                   OR after_reported < CAST(? AS timestamptz) - CAST(? AS timestamptz)
                """,
                recordedOccurredAt,
                recordedAt,
                reportedOccurredAt,
                reportedAt,
                recordedOccurredAt,
                recordedAt,
                reportedOccurredAt,
                reportedAt);
    }

    /**
     * An incident and an actor it names, applied at the same time by two consumers, would each miss the other's
     * uncommitted rows and neither would add the actor's country entry. Both lock the actor first, so the second waits
     * for the first to commit and then sees its rows. Locks are taken in order, so two incidents cannot deadlock.
     */
    private void lockActors(Collection<String> actorIds, ApplyBatch batch) {
        for (String actorId : new TreeSet<>(actorIds)) {
            if (!batch.firstTime(ACTOR_LOCKS, actorId)) {
                continue; // held since an earlier event of the transaction
            }
            jdbc.query(
                    "SELECT pg_advisory_xact_lock(?, hashtext(?))",
                    (RowCallbackHandler) row -> {},
                    ACTOR_LOCKS,
                    actorId);
        }
    }

    private static Object[] entry(TimelineScope scope, String key, IncidentVersion version) {
        IncidentState incident = version.state();
        return new Object[] {
            scope.value(),
            key,
            utc(incident.occurredAt()),
            version.incidentId(),
            version.version(),
            incident.type().name(),
            utc(version.validFrom()),
            incident.retracted(),
            utc(incident.reportedAt())
        };
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

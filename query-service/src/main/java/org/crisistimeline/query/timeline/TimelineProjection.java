package org.crisistimeline.query.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Origin;
import org.crisistimeline.query.actor.ActorCountries;
import org.crisistimeline.query.event.CopyIn;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.event.Projection;
import org.crisistimeline.query.event.ProjectionBatch;
import org.crisistimeline.query.incident.IncidentState;
import org.crisistimeline.query.incident.IncidentStatus;
import org.crisistimeline.query.incident.IncidentVersion;
import org.crisistimeline.query.incident.IncidentVersions;
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
 * <p>Runs after the incident and actor projections in the same transaction and works the entries out from the
 * versions the incident projection shared ({@link IncidentVersions}): one read of the actors' countries, one COPY of
 * every entry of the batch, each written once, and one of the actors whose country is still awaited.
 */
@Component
@Order(Projection.DERIVED)
class TimelineProjection implements Projection {

    /** First key of the advisory locks taken here, so they cannot collide with locks taken for anything else. */
    private static final int ACTOR_LOCKS = 0x7469_6d65;

    private final JdbcTemplate jdbc;
    private final ActorCountries actorCountries;
    private final ObjectMapper json = EventJson.newMapper();

    TimelineProjection(JdbcTemplate jdbc, ActorCountries actorCountries) {
        this.jdbc = jdbc;
        this.actorCountries = actorCountries;
    }

    @Override
    public void apply(ProjectionBatch projected) {
        IncidentVersions versions = projected.shared(IncidentVersions.class);
        List<String> registered = new ArrayList<>();
        List<String> registeredCountries = new ArrayList<>();
        // where in the batch each actor was registered and each incident event came, by identity
        Map<String, Integer> registeredAt = new HashMap<>();
        Map<EventEnvelope, Integer> positions = new IdentityHashMap<>();
        List<EventEnvelope> events = projected.events();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            positions.put(event, i);
            if (event.payload() instanceof ActorRegistered actor) {
                registeredAt.put(actor.actorId(), i);
                if (actor.country() != null) {
                    registered.add(actor.actorId());
                    registeredCountries.add(actor.country());
                }
            }
        }
        if (versions.isEmpty() && registered.isEmpty()) {
            return;
        }
        Set<String> named = namedActors(versions);
        lockActors(named, registered);
        if (!versions.isEmpty()) {
            Map<String, String> countryOfActor = actorCountries.of(named);
            closeEntriesBefore(versions.closed());
            addEntries(versions, countryOfActor);
            addActorsAwaited(versions, countryOfActor, registeredAt, positions);
            widenOccurredLead(versions);
        }
        if (!registered.isEmpty()) {
            addActorCountries(registered, registeredCountries);
        }
    }

    /** The actors of the versions the batch made and of those they followed. */
    private static Set<String> namedActors(IncidentVersions versions) {
        Set<String> named = new LinkedHashSet<>();
        for (IncidentVersions.Change change : versions.changes()) {
            if (change.before() != null) {
                named.addAll(change.before().state().actorIds());
            }
            named.addAll(change.after().state().actorIds());
        }
        return named;
    }

    /**
     * An incident and an actor it names, applied at the same time by two consumers, would each miss the other's
     * uncommitted rows and neither would add the actor's country entry. So an actor's registration locks the actor
     * exclusively and an incident (for the actors of its versions before and after) shares the lock: the second to come
     * waits for the first to commit and then sees its rows, while incidents naming the same actors never wait for each
     * other. One statement takes every lock of the batch in the order of their keys, so two batches cannot deadlock.
     */
    private void lockActors(Set<String> named, List<String> registered) {
        String[] actorIds = new String[named.size() + registered.size()];
        Boolean[] registers = new Boolean[actorIds.length];
        int i = 0;
        for (String actorId : named) {
            actorIds[i] = actorId;
            registers[i++] = false;
        }
        for (String actorId : registered) {
            actorIds[i] = actorId;
            registers[i++] = true;
        }
        jdbc.query("""
                SELECT CASE WHEN k.registers THEN pg_advisory_xact_lock(?, k.key)
                            ELSE pg_advisory_xact_lock_shared(?, k.key) END
                FROM (SELECT hashtext(a.actor_id) AS key, bool_or(a.registers) AS registers
                      FROM unnest(CAST(? AS text[]), CAST(? AS boolean[])) AS a (actor_id, registers)
                      GROUP BY 1
                      ORDER BY 1) AS k
                """, (RowCallbackHandler) row -> {}, ACTOR_LOCKS, ACTOR_LOCKS, actorIds, registers);
    }

    /** The entries of the versions the batch closed end where the next version begins. */
    private void closeEntriesBefore(List<IncidentVersions.Closed> closed) {
        if (closed.isEmpty()) {
            return;
        }
        jdbc.update(
                """
                UPDATE timeline_entry_version e SET valid_to = b.valid_to
                FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS timestamptz[])) AS b (incident_id, version,
                                                                                              valid_to)
                WHERE e.incident_id = b.incident_id AND e.version = b.version AND e.valid_to = 'infinity'
                """,
                closed.stream().map(IncidentVersions.Closed::incidentId).toArray(String[]::new),
                closed.stream().map(IncidentVersions.Closed::version).toArray(Integer[]::new),
                closed.stream().map(c -> c.validTo().toString()).toArray(String[]::new));
    }

    /**
     * Each new version on the timelines of its crisis, its location's country (none without a location), each actor,
     * and the country of each actor registered so far (the others add theirs when they arrive: addActorCountries).
     */
    private void addEntries(IncidentVersions versions, Map<String, String> countryOfActor) {
        var entries = CopyIn.into(
                "timeline_entry_version",
                CopyIn.text("scope"),
                CopyIn.text("scope_key"),
                CopyIn.timestamptz("occurred_at"),
                CopyIn.text("incident_id"),
                CopyIn.int4("version"),
                CopyIn.text("type"),
                CopyIn.timestamptz("valid_from"),
                CopyIn.timestamptz("valid_to"),
                CopyIn.bool("retracted"),
                CopyIn.timestamptz("reported_at"),
                CopyIn.text("origin_dataset"),
                CopyIn.jsonb("origin_codes"));
        for (IncidentVersions.Change change : versions.changes()) {
            IncidentVersion version = change.after();
            IncidentState state = version.state();
            Set<List<String>> scopes = new LinkedHashSet<>();
            scopes.add(List.of("crisis", state.crisisId()));
            Location location = state.location();
            if (location != null && location.country() != null) {
                scopes.add(List.of("country", location.country()));
            }
            for (String actorId : state.actorIds()) {
                scopes.add(List.of("actor", actorId));
            }
            for (String actorId : state.actorIds()) {
                String country = countryOfActor.get(actorId);
                if (country != null) {
                    scopes.add(List.of("country", country));
                }
            }
            // the version's times and codes are written out once for all its entries
            Object[] row = entryOf(version);
            for (List<String> scope : scopes) {
                row[0] = scope.get(0);
                row[1] = scope.get(1);
                entries.row(row);
            }
        }
        entries.write(jdbc);
    }

    /** An entry of the version, its scope left to fill in. */
    private Object[] entryOf(IncidentVersion version) {
        IncidentState state = version.state();
        Origin origin = state.origin();
        return new Object[] {
            null,
            null,
            state.occurredAt(),
            state.incidentId(),
            version.version(),
            state.type().name(),
            version.validFrom(),
            version.validTo() == null ? CopyIn.INFINITY : version.validTo(),
            state.status() == IncidentStatus.RETRACTED,
            version.reportedAt(),
            origin == null ? null : origin.dataset(),
            origin == null ? null : codesOf(origin)
        };
    }

    private String codesOf(Origin origin) {
        try {
            return json.writeValueAsString(origin.codes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(origin + " cannot be written as JSON", e);
        }
    }

    /**
     * Files each version under the actors it names whose country is not known yet (incident_named_actor), for {@link
     * #addActorCountries} to find when they are registered: an actor registered with its country before the event
     * already put the version on that country's timeline, and is never registered again. Known means as applied event
     * by event: an actor registered later in the same batch is still awaited by the versions before it.
     */
    private void addActorsAwaited(
            IncidentVersions versions,
            Map<String, String> countryOfActor,
            Map<String, Integer> registeredAt,
            Map<EventEnvelope, Integer> positions) {
        Set<List<String>> awaited = new LinkedHashSet<>();
        for (IncidentVersions.Change change : versions.changes()) {
            int at = positions.get(change.event());
            IncidentState state = change.after().state();
            for (String actorId : state.actorIds()) {
                Integer registered = registeredAt.get(actorId);
                if (!countryOfActor.containsKey(actorId) || (registered != null && registered > at)) {
                    awaited.add(List.of(actorId, state.incidentId()));
                }
            }
        }
        if (awaited.isEmpty()) {
            return;
        }
        jdbc.update(
                """
                INSERT INTO incident_named_actor (actor_id, incident_id)
                SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]))
                ON CONFLICT DO NOTHING
                """,
                awaited.stream().map(pair -> pair.get(0)).toArray(String[]::new),
                awaited.stream().map(pair -> pair.get(1)).toArray(String[]::new));
    }

    /**
     * Widens occurred_lead (V3) to the furthest lead of the versions the batch made; the row is only written (and
     * locked) in the rare case that one of them goes beyond it. The two furthest are found here, so that the
     * statement gets four instants, not three for every version.
     */
    private void widenOccurredLead(IncidentVersions versions) {
        IncidentVersion furthestAfterRecorded = null;
        IncidentVersion furthestAfterReported = null;
        for (IncidentVersions.Change change : versions.changes()) {
            IncidentVersion version = change.after();
            if (furthestAfterRecorded == null
                    || leadAfterRecorded(version).compareTo(leadAfterRecorded(furthestAfterRecorded)) > 0) {
                furthestAfterRecorded = version;
            }
            if (furthestAfterReported == null
                    || leadAfterReported(version).compareTo(leadAfterReported(furthestAfterReported)) > 0) {
                furthestAfterReported = version;
            }
        }
        jdbc.update(
                """
                UPDATE occurred_lead
                SET after_recorded = greatest(occurred_lead.after_recorded, m.recorded),
                    after_reported = greatest(occurred_lead.after_reported, m.reported)
                FROM (SELECT CAST(? AS timestamptz) - CAST(? AS timestamptz) AS recorded,
                             CAST(? AS timestamptz) - CAST(? AS timestamptz) AS reported) AS m
                WHERE occurred_lead.after_recorded < m.recorded OR occurred_lead.after_reported < m.reported
                """,
                furthestAfterRecorded.state().occurredAt().toString(),
                furthestAfterRecorded.validFrom().toString(),
                furthestAfterReported.state().occurredAt().toString(),
                furthestAfterReported.reportedAt().toString());
    }

    private static Duration leadAfterRecorded(IncidentVersion version) {
        return Duration.between(version.validFrom(), version.state().occurredAt());
    }

    private static Duration leadAfterReported(IncidentVersion version) {
        return Duration.between(version.reportedAt(), version.state().occurredAt());
    }

    /**
     * Actors and incidents are keyed by their own ids, so they travel on different partitions and an incident may be
     * applied before an actor it names: each actor registered with a country then puts every version naming it on
     * that country's timeline, valid when the version was (its crisis entry says when, closed already if a later
     * version of the batch closed it).
     */
    private void addActorCountries(List<String> actorIds, List<String> countries) {
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
                """, actorIds.toArray(String[]::new), countries.toArray(String[]::new));
    }
}

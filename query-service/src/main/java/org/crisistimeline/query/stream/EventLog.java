package org.crisistimeline.query.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.query.actor.ActorCountries;
import org.crisistimeline.query.event.CopyIn;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.event.Projection;
import org.crisistimeline.query.event.ProjectionBatch;
import org.crisistimeline.query.incident.IncidentState;
import org.crisistimeline.query.incident.IncidentVersion;
import org.crisistimeline.query.incident.IncidentVersions;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Writes event_log, the read model's own numbering of the events it applied, which live streams follow and auditors
 * read (who recorded each event and why). Runs last in the transaction of a batch, one row per event in the batch's
 * order, keyed as the event left the timelines: an incident event is filed under every country and actor whose
 * timeline its incident was on before or after the event (one that moves an incident away from a country still
 * reaches that country's stream), and the incident's types. The keys are worked out from the versions the incident
 * projection shared, written in one COPY.
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
    private final ActorCountries actorCountries;

    EventLog(JdbcTemplate jdbc, ActorCountries actorCountries) {
        this.jdbc = jdbc;
        this.actorCountries = actorCountries;
    }

    @Override
    public void apply(ProjectionBatch projected) {
        List<EventEnvelope> events = projected.events();
        IncidentVersions versions = projected.shared(IncidentVersions.class);
        Set<String> actorIds = new HashSet<>();
        List<String> crisisIds = new ArrayList<>();
        for (EventEnvelope event : events) {
            switch (kind(event)) {
                case "actor" -> actorIds.add(event.aggregateId());
                case "crisis" -> crisisIds.add(event.aggregateId());
                default -> {
                    IncidentVersions.Change change = versions.of(event);
                    if (change != null) {
                        if (change.before() != null) {
                            actorIds.addAll(change.before().state().actorIds());
                        }
                        actorIds.addAll(change.after().state().actorIds());
                    }
                }
            }
        }
        Map<String, String> countryOfActor = actorCountries.of(actorIds);
        Map<String, List<String>> countriesOfCrisis = countriesOf(crisisIds);
        // The countries of an incident's actors count only for actors registered before the event: one registered
        // later in the batch puts the incident on its country's timeline only then, so the event's row is the one it
        // would have been applied alone.
        Map<String, Integer> registeredAt = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).payload() instanceof ActorRegistered actor) {
                registeredAt.put(actor.actorId(), i);
            }
        }
        // COPY assigns the positions in the order of the rows: the order applied
        var log = CopyIn.into(
                "event_log",
                CopyIn.text("event_type"),
                CopyIn.text("aggregate_id"),
                CopyIn.int8("sequence"),
                CopyIn.timestamptz("recorded_at"),
                CopyIn.textArray("countries"),
                CopyIn.textArray("actors"),
                CopyIn.textArray("types"),
                CopyIn.text("principal"),
                CopyIn.text("reason"));
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            var keys = new Keys();
            switch (kind(event)) {
                case "crisis" -> {}
                case "actor" -> {
                    keys.add(keys.countries, countryOfActor.get(event.aggregateId()));
                    keys.actors.add(event.aggregateId());
                }
                default -> {
                    IncidentVersions.Change change = versions.of(event);
                    if (change != null) {
                        for (IncidentVersion version : new IncidentVersion[] {change.before(), change.after()}) {
                            if (version != null) {
                                keys.of(version.state(), countryOfActor, registeredAt, i);
                            }
                        }
                    }
                }
            }
            log.row(
                    event.type().name(),
                    event.aggregateId(),
                    event.sequence(),
                    event.recordedAt(),
                    // a crisis's countries in its own order, as it lists them
                    kind(event).equals("crisis")
                            ? countriesOfCrisis.getOrDefault(event.aggregateId(), List.of())
                            : keys.countries,
                    keys.actors,
                    keys.types,
                    event.principal(),
                    reason(event.payload()));
        }
        jdbc.query("SELECT pg_advisory_xact_lock(?)", (RowCallbackHandler) row -> {}, POSITION_LOCK);
        log.write(jdbc);
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

    /** A crisis's countries as the crisis projection keeps them, in their order. */
    private Map<String, List<String>> countriesOf(List<String> crisisIds) {
        Map<String, List<String>> countries = new HashMap<>();
        if (crisisIds.isEmpty()) {
            return countries;
        }
        jdbc.query(
                """
                SELECT crisis_id, c.country FROM crisis
                CROSS JOIN LATERAL jsonb_array_elements_text(countries) WITH ORDINALITY AS c (country, position)
                WHERE crisis_id = ANY (?)
                ORDER BY crisis_id, c.position
                """,
                (RowCallbackHandler) row -> countries
                        .computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                        .add(row.getString(2)),
                (Object) crisisIds.toArray(String[]::new));
        return countries;
    }

    /** The keys of an event's row: sorted and distinct, as the stream's filters and the log have always had them. */
    private static final class Keys {

        final Collection<String> countries = new TreeSet<>();
        final Collection<String> actors = new TreeSet<>();
        final Collection<String> types = new TreeSet<>();

        void of(IncidentState state, Map<String, String> countryOfActor, Map<String, Integer> registeredAt, int at) {
            Location location = state.location();
            add(countries, location == null ? null : location.country());
            types.add(state.type().name());
            for (String actorId : state.actorIds()) {
                actors.add(actorId);
                Integer registered = registeredAt.get(actorId);
                if (registered == null || registered < at) {
                    add(countries, countryOfActor.get(actorId));
                }
            }
        }

        void add(Collection<String> keys, String key) {
            if (key != null) {
                keys.add(key);
            }
        }
    }

    private static String kind(EventEnvelope event) {
        return switch (event.type()) {
            case CRISIS_OPENED -> "crisis";
            case ACTOR_REGISTERED, ACTOR_TITLE_ASSIGNED, ACTOR_ALIAS_ADDED -> "actor";
            default -> "incident";
        };
    }
}

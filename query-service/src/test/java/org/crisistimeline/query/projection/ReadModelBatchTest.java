package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisistimeline.query.Events.actor;
import static org.crisistimeline.query.Events.crisis;
import static org.crisistimeline.query.Events.incident;
import static org.crisistimeline.query.Events.role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.actor.ActorTitleAssigned;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.events.incident.LinkRelation;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.query.event.EventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * The read model fed events directly, without a broker, against a real PostgreSQL: a poll applied as a batch leaves
 * exactly the rows its events leave applied one at a time, whatever the polls' sizes.
 */
class ReadModelBatchTest {

    private static final Instant START = Instant.parse("2020-01-03T00:00:00Z");
    private static final List<String> COUNTRIES = List.of("IQ", "IR", "US", "GB", "FR");

    @Test
    void batchesOfAnySizeLeaveTheSameRowsAsEventsAppliedOneByOne() {
        List<EventEnvelope> history = history(new Random(2020), 60, 20);
        List<String> alone;
        try (var database = ReadModelDatabase.create()) {
            history.forEach(database.readModel()::apply);
            alone = database.rows();
        }
        for (int pollSize : new int[] {7, 500}) {
            try (var database = ReadModelDatabase.create()) {
                for (int from = 0; from < history.size(); from += pollSize) {
                    database.readModel().applyAll(history.subList(from, Math.min(history.size(), from + pollSize)));
                }
                assertThat(database.rows()).as("polls of %d", pollSize).isEqualTo(alone);
            }
        }
        assertThat(alone).as("every table has rows").hasSizeGreaterThan(history.size() * 3);
    }

    @Test
    void anImportBurstPutsEveryIncidentOnItsTimelinesAndItsActorsCountries() {
        try (var database = ReadModelDatabase.create()) {
            var burst = new ArrayList<EventEnvelope>();
            for (int i = 0; i < 200; i++) {
                String actorId = "actor-" + i;
                burst.add(event(
                        EventType.INCIDENT_RECORDED,
                        "incident-" + i,
                        0,
                        START,
                        incident(
                                "incident-" + i,
                                "crisis",
                                IncidentType.PROTEST,
                                "2020-01-02T10:00:00Z",
                                "IQ",
                                role(actorId, ActorRole.INITIATOR))));
                burst.add(event(EventType.ACTOR_REGISTERED, actorId, 0, START, actor(actorId, "Actor " + i, "GB")));
            }

            assertThat(database.readModel().applyAll(burst)).isEqualTo(400);

            var jdbc = database.jdbc();
            assertThat(jdbc.queryForList(
                            "SELECT scope || ':' || scope_key FROM timeline_entry_version"
                                    + " WHERE incident_id = 'incident-7' ORDER BY 1",
                            String.class))
                    .containsExactly("actor:actor-7", "country:GB", "country:IQ", "crisis:crisis");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM timeline_entry_version WHERE valid_to = 'infinity'", Long.class))
                    .isEqualTo(800);
            // the incident's event came before its actor's: its row in the log does not name the actor's country yet
            assertThat(jdbc.queryForList(
                            "SELECT event_type || ' ' || countries::text FROM event_log"
                                    + " WHERE aggregate_id IN ('incident-7', 'actor-7') ORDER BY position",
                            String.class))
                    .containsExactly("INCIDENT_RECORDED {IQ}", "ACTOR_REGISTERED {GB}");
            assertThat(jdbc.queryForList("SELECT aggregate_id FROM event_log ORDER BY position", String.class))
                    .containsExactlyElementsOf(
                            burst.stream().map(EventEnvelope::aggregateId).toList());
        }
    }

    @Test
    void aBatchClosesEachVersionWhereTheNextBeginsAndNeverRunsRecordedTimeBackwards() {
        try (var database = ReadModelDatabase.create()) {
            String incidentId = "strike";
            var moved = new IncidentAmended(
                    incidentId,
                    new IncidentChanges(
                            null, null, null, null, new Location("IR", "Kerman", null, null), null, null, null, null),
                    "the place was wrong");
            database.readModel()
                    .applyAll(List.of(
                            event(
                                    EventType.INCIDENT_RECORDED,
                                    incidentId,
                                    0,
                                    START,
                                    incident(incidentId, "crisis", IncidentType.STRIKE, "2020-01-03T00:32:00Z", "IQ")),
                            event(EventType.INCIDENT_AMENDED, incidentId, 1, START.plusSeconds(60), moved),
                            // a writer whose clock is behind: the version still begins after the one before
                            event(
                                    EventType.INCIDENT_DISPUTED,
                                    incidentId,
                                    2,
                                    START.plusSeconds(30),
                                    new IncidentDisputed(incidentId, "denied"))));

            assertThat(database.jdbc()
                            .queryForList(
                                    "SELECT concat_ws(' ', version, kind, country, status, valid_from, valid_to)"
                                            + " FROM incident_version ORDER BY version",
                                    String.class))
                    .containsExactly(
                            "1 RECORDED IQ RECORDED 2020-01-03 00:00:00+00 2020-01-03 00:01:00+00",
                            "2 AMENDED IR RECORDED 2020-01-03 00:01:00+00 2020-01-03 00:01:00+00",
                            "3 DISPUTED IR DISPUTED 2020-01-03 00:01:00+00 infinity");
            assertThat(database.jdbc()
                            .queryForList(
                                    "SELECT scope_key FROM timeline_entry_version"
                                            + " WHERE scope = 'country' AND valid_to = 'infinity'",
                                    String.class))
                    .containsExactly("IR");
        }
    }

    @Test
    void consumersApplyingIncidentsAndTheirActorsAtOnceNeitherDeadlockNorMissAnEntry() throws Exception {
        // two consumers of incidents naming the same actors (recorded, then amended to other actors) and one of the
        // actors, their polls interleaving as they will: the rows are those of the events applied one by one
        List<List<EventEnvelope>> partitions = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 300; i++) {
            String incidentId = "incident-" + i;
            List<EventEnvelope> partition = partitions.get(i % 2);
            partition.add(event(
                    EventType.INCIDENT_RECORDED,
                    incidentId,
                    0,
                    START.plusSeconds(i),
                    incident(
                            incidentId,
                            "crisis",
                            IncidentType.STATEMENT,
                            "2020-01-02T10:00:00Z",
                            "IQ",
                            role("actor-" + (i % 20), ActorRole.INITIATOR),
                            role("actor-" + ((i + 7) % 20), ActorRole.TARGET))));
            partition.add(event(
                    EventType.INCIDENT_AMENDED,
                    incidentId,
                    1,
                    START.plusSeconds(400 + i),
                    new IncidentAmended(
                            incidentId,
                            new IncidentChanges(
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    List.of(role("actor-" + ((i + 3) % 20), ActorRole.SUBJECT)),
                                    null,
                                    null,
                                    null),
                            "another actor")));
        }
        for (int a = 0; a < 20; a++) {
            partitions
                    .get(2)
                    .add(event(
                            EventType.ACTOR_REGISTERED,
                            "actor-" + a,
                            0,
                            START,
                            actor("actor-" + a, "Actor " + a, COUNTRIES.get(a % COUNTRIES.size()))));
        }
        List<String> alone;
        try (var database = ReadModelDatabase.create()) {
            partitions.forEach(partition -> partition.forEach(database.readModel()::apply));
            alone = database.rows("timeline_entry_version");
        }

        try (var database = ReadModelDatabase.create()) {
            var consumers = Executors.newFixedThreadPool(partitions.size());
            try {
                List<Future<?>> running = new ArrayList<>();
                for (List<EventEnvelope> partition : partitions) {
                    running.add(consumers.submit(() -> {
                        for (int from = 0; from < partition.size(); from += 3) {
                            database.readModel()
                                    .applyAll(partition.subList(from, Math.min(partition.size(), from + 3)));
                        }
                    }));
                }
                for (Future<?> consumer : running) {
                    consumer.get(2, TimeUnit.MINUTES); // a deadlock would fail a transaction here (40P01)
                }
            } finally {
                consumers.shutdownNow();
            }

            assertThat(database.rows("timeline_entry_version")).isEqualTo(alone);
            // each aggregate's events in the log in their order, every one once
            assertThat(database.jdbc().queryForObject("""
                                    SELECT count(*) FROM (SELECT sequence, lag(sequence) OVER (PARTITION BY aggregate_id
                                                                                               ORDER BY position) AS before
                                                          FROM event_log) AS l
                                    WHERE before IS NULL OR sequence = before + 1
                                    """, Long.class)).isEqualTo(620L);
        }
    }

    private static EventEnvelope event(EventType type, String aggregateId, long sequence, Instant at, Record payload) {
        return new EventEnvelope(type, aggregateId, sequence, at, "recorder", payload);
    }

    /**
     * Crises, actors (some without a country, many registered after incidents naming them) and incidents with every
     * kind of change, interleaved as partitions interleave them: each aggregate's events in order, recorded times
     * mostly rising with a few writers' clocks behind.
     */
    static List<EventEnvelope> history(Random random, int incidents, int actors) {
        Map<String, Long> sequences = new HashMap<>();
        List<EventEnvelope> events = new ArrayList<>();
        Instant[] clock = {START};
        java.util.function.BiConsumer<String, Record> append = (aggregateId, payload) -> {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            clock[0] = clock[0].plusSeconds(random.nextInt(90) - 10);
            events.add(new EventEnvelope(
                    EventType.ofPayload(payload.getClass()).orElseThrow(),
                    aggregateId,
                    sequence,
                    clock[0],
                    random.nextBoolean() ? "editor" : null,
                    payload));
        };
        append.accept("crisis-a", crisis("crisis-a"));
        append.accept("crisis-b", crisis("crisis-b"));
        List<String> actorIds = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            actorIds.add("actor-" + a);
        }
        List<String> registered = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        for (int step = 0; step < incidents * 4; step++) {
            int choice = random.nextInt(10);
            if (choice < 2 && registered.size() < actors) {
                String actorId = actorIds.get(registered.size());
                registered.add(actorId);
                String country = random.nextInt(4) == 0 ? null : COUNTRIES.get(random.nextInt(COUNTRIES.size()));
                append.accept(
                        actorId,
                        new ActorRegistered(actorId, "Actor " + actorId, ActorKind.PERSON, country, List.of("A")));
            } else if (choice == 2 && !registered.isEmpty()) {
                String actorId = registered.get(random.nextInt(registered.size()));
                if (random.nextBoolean()) {
                    append.accept(actorId, new ActorAliasAdded(actorId, "alias-" + random.nextInt(3)));
                } else {
                    LocalDate from = LocalDate.parse("2019-07-24").plusDays(random.nextInt(2));
                    append.accept(
                            actorId,
                            new ActorTitleAssigned(
                                    actorId,
                                    "Foreign Secretary",
                                    from,
                                    random.nextBoolean() ? null : from.plusYears(2)));
                }
            } else if ((choice < 6 || recorded.isEmpty()) && recorded.size() < incidents) {
                String incidentId = "incident-" + recorded.size();
                recorded.add(incidentId);
                append.accept(
                        incidentId,
                        incident(
                                incidentId,
                                random.nextBoolean() ? "crisis-a" : "crisis-b",
                                IncidentType.values()[random.nextInt(IncidentType.values().length)],
                                // some occur after they are recorded or reported: occurred_lead widens
                                "2020-01-0" + (1 + random.nextInt(9)) + "T10:00:00Z",
                                COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                                role(actorIds.get(random.nextInt(actors)), ActorRole.INITIATOR),
                                role(actorIds.get(random.nextInt(actors)), ActorRole.TARGET)));
            } else if (!recorded.isEmpty()) {
                String incidentId = recorded.get(random.nextInt(recorded.size()));
                append.accept(incidentId, change(random, incidentId, recorded, actorIds));
            }
        }
        return events;
    }

    private static Record change(Random random, String incidentId, List<String> incidents, List<String> actorIds) {
        return switch (random.nextInt(7)) {
            case 0 ->
                new IncidentAmended(
                        incidentId,
                        new IncidentChanges(
                                random.nextBoolean() ? "crisis-b" : null,
                                null,
                                random.nextBoolean() ? Instant.parse("2020-01-05T12:00:00Z") : null,
                                null,
                                random.nextBoolean()
                                        ? new Location(
                                                COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                                                "Elsewhere",
                                                null,
                                                null)
                                        : null,
                                random.nextBoolean()
                                        ? List.of(
                                                role(actorIds.get(random.nextInt(actorIds.size())), ActorRole.SUBJECT))
                                        : null,
                                "Corrected",
                                null,
                                null),
                        "a correction");
            case 1 ->
                new SourceAttached(
                        incidentId,
                        new Source(
                                "Reuters",
                                "https://reuters.example/" + random.nextInt(1000),
                                Instant.parse("2020-01-0" + (1 + random.nextInt(9)) + "T08:00:00Z"),
                                "an excerpt"));
            case 2 -> new IncidentDisputed(incidentId, "disputed");
            case 3 -> new IncidentVerified(incidentId, "verified");
            case 4 -> new IncidentRetracted(incidentId, "retracted");
            default ->
                new IncidentLinked(
                        incidentId,
                        incidents.get(random.nextInt(incidents.size())),
                        LinkRelation.values()[random.nextInt(LinkRelation.values().length)]);
        };
    }
}

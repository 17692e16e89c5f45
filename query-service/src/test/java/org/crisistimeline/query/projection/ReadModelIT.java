package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisistimeline.query.Events.actor;
import static org.crisistimeline.query.Events.incident;
import static org.crisistimeline.query.Events.role;
import static org.crisistimeline.query.Events.unique;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/** The read model applied directly, without Kafka, against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ReadModelIT {

    private static final Instant RECORDED_AT = Instant.parse("2020-01-09T08:00:00Z");

    @Autowired
    private ReadModel readModel;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void eventDeliveredTwiceIsAppliedOnce() {
        String crisisId = unique("crisis");
        String actorId = unique("actor");
        EventEnvelope recorded = recorded(incident(
                unique("strike"),
                crisisId,
                IncidentType.STRIKE,
                "2020-01-03T00:32:00Z",
                "IQ",
                role(actorId, ActorRole.INITIATOR)));

        assertThat(readModel.apply(recorded)).isTrue();
        assertThat(readModel.apply(recorded)).isFalse();

        assertThat(count("SELECT count(*) FROM incident_version WHERE crisis_id = ?", crisisId))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM incident_named_actor WHERE actor_id = ?", actorId))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM timeline_entry_version WHERE scope_key IN (?, ?)", crisisId, actorId))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT last_sequence FROM aggregate_position WHERE aggregate_id = ?",
                        Long.class,
                        recorded.aggregateId()))
                .isEqualTo(0L);
    }

    @Test
    void eventOlderThanTheLastAppliedIsSkipped() {
        String actorId = unique("actor");
        var later = new EventEnvelope(
                EventType.ACTOR_REGISTERED, actorId, 3, RECORDED_AT, actor(actorId, "Boris Johnson", "GB"));
        var earlier = new EventEnvelope(
                EventType.ACTOR_REGISTERED, actorId, 2, RECORDED_AT, actor(actorId, "Boris Johnson", "GB"));

        assertThat(readModel.apply(later)).isTrue();
        assertThat(readModel.apply(earlier)).isFalse();

        assertThat(count("SELECT count(*) FROM actor WHERE actor_id = ?", actorId))
                .isEqualTo(1);
    }

    @Test
    void actorArrivingAfterItsIncidentsPutsThemOnItsCountrysTimeline() {
        String actorId = unique("actor");
        String first = unique("statement");
        String second = unique("statement");
        readModel.apply(recorded(incident(
                first,
                unique("crisis"),
                IncidentType.STATEMENT,
                "2020-01-05T10:00:00Z",
                "IQ",
                role(actorId, ActorRole.INITIATOR))));
        readModel.apply(recorded(incident(
                second,
                unique("crisis"),
                IncidentType.STATEMENT,
                "2020-01-06T10:00:00Z",
                "IR",
                role(actorId, ActorRole.INITIATOR),
                role(actorId, ActorRole.SUBJECT))));
        assertThat(countryEntries("FR", first, second)).isZero();

        readModel.apply(new EventEnvelope(
                EventType.ACTOR_REGISTERED, actorId, 0, RECORDED_AT, actor(actorId, "Emmanuel Macron", "FR")));

        assertThat(countryEntries("FR", first, second)).isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM timeline_entry_version WHERE scope = 'country' AND incident_id = ?",
                        first))
                .as("IQ, where it happened, and FR, the actor's")
                .isEqualTo(2);
    }

    @Test
    void onlyIncidentsNamingAnActorWhoseCountryIsNotKnownYetAwaitItsRegistration() {
        String registered = unique("actor");
        String awaited = unique("actor");
        String incidentId = unique("statement");
        readModel.apply(new EventEnvelope(
                EventType.ACTOR_REGISTERED, registered, 0, RECORDED_AT, actor(registered, "Boris Johnson", "GB")));

        readModel.apply(recorded(incident(
                incidentId,
                unique("crisis"),
                IncidentType.STATEMENT,
                "2020-01-05T10:00:00Z",
                "IQ",
                role(registered, ActorRole.INITIATOR),
                role(awaited, ActorRole.SUBJECT))));

        assertThat(jdbc.queryForList(
                        "SELECT actor_id FROM incident_named_actor WHERE incident_id = ?", String.class, incidentId))
                .containsExactly(awaited);
        assertThat(countryEntries("GB", incidentId)).isEqualTo(1);
    }

    @Test
    void actorWithoutCountryPutsNothingOnCountryTimelines() {
        String actorId = unique("un");
        String incidentId = unique("statement");
        readModel.apply(new EventEnvelope(
                EventType.ACTOR_REGISTERED,
                actorId,
                0,
                RECORDED_AT,
                new ActorRegistered(actorId, "United Nations", ActorKind.INTERNATIONAL_BODY, null, List.of("UN"))));
        readModel.apply(recorded(incident(
                incidentId,
                unique("crisis"),
                IncidentType.STATEMENT,
                "2020-01-05T10:00:00Z",
                "IQ",
                role(actorId, ActorRole.INITIATOR))));

        assertThat(jdbc.queryForList(
                        "SELECT scope_key FROM timeline_entry_version WHERE scope = 'country' AND incident_id = ?",
                        String.class,
                        incidentId))
                .containsExactly("IQ");
    }

    @Test
    void failedEventLeavesNoTraceSoItCanBeRetried() {
        String incidentId = unique("strike");
        String crisisId = unique("crisis");
        IncidentRecorded strike = incident(incidentId, crisisId, IncidentType.STRIKE, "2020-01-03T00:32:00Z", "IQ");
        readModel.apply(recorded(strike));
        // another aggregate's event that clashes with the incident's row: the whole transaction is rolled back
        String otherAggregate = unique("other");
        var clash = new EventEnvelope(EventType.INCIDENT_RECORDED, otherAggregate, 0, RECORDED_AT, strike);

        assertThatThrownBy(() -> readModel.apply(clash)).isInstanceOf(DuplicateKeyException.class);

        assertThat(count("SELECT count(*) FROM aggregate_position WHERE aggregate_id = ?", otherAggregate))
                .isZero();
        assertThat(count("SELECT count(*) FROM timeline_entry_version WHERE scope_key = ?", crisisId))
                .isEqualTo(1);
    }

    @Test
    void eventsOfAPollAreAppliedOnceEvenWhenThePollIsDeliveredAgain() {
        String incidentId = unique("strike");
        String actorId = unique("actor");
        List<EventEnvelope> poll = incidentHistory(incidentId, actorId, unique("crisis"));
        var redelivered = new ArrayList<>(poll);
        redelivered.add(poll.get(0));

        assertThat(readModel.applyAll(redelivered)).isEqualTo(3);
        assertThat(readModel.applyAll(redelivered)).isZero();

        assertThat(count("SELECT count(*) FROM incident_version WHERE incident_id = ?", incidentId))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM event_log WHERE aggregate_id IN (?, ?)", incidentId, actorId))
                .isEqualTo(3);
        assertThat(jdbc.queryForList(
                        "SELECT last_sequence FROM aggregate_position WHERE aggregate_id IN (?, ?) ORDER BY 1",
                        Long.class,
                        incidentId,
                        actorId))
                .containsExactly(0L, 1L);
    }

    @Test
    void aPollLeavesTheSameRowsAsItsEventsAppliedOneByOne() {
        String[] alone = {unique("strike"), unique("actor"), unique("crisis")};
        String[] together = {unique("strike"), unique("actor"), unique("crisis")};
        incidentHistory(alone[0], alone[1], alone[2]).forEach(readModel::apply);

        readModel.applyAll(incidentHistory(together[0], together[1], together[2]));

        assertThat(rowsOf(together)).isEqualTo(rowsOf(alone)).hasSize(13);
    }

    @Test
    void aPollWidensTheOccurredLeadToItsFurthestEntry() {
        IncidentRecorded dayAhead =
                incident(unique("vote"), unique("crisis"), IncidentType.VOTE, "2020-01-10T08:00:00Z", "IQ");
        IncidentRecorded twoDaysAhead =
                incident(unique("vote"), unique("crisis"), IncidentType.VOTE, "2020-01-11T08:00:00Z", "IQ");

        readModel.applyAll(List.of(recorded(twoDaysAhead), recorded(dayAhead)));

        assertThat(jdbc.queryForObject("SELECT after_recorded >= interval '2 days' FROM occurred_lead", Boolean.class))
                .isTrue();
    }

    /** An incident, an actor it names that arrives after it, and a correction that moves it to another country. */
    private static List<EventEnvelope> incidentHistory(String incidentId, String actorId, String crisisId) {
        IncidentRecorded strike = incident(
                incidentId,
                crisisId,
                IncidentType.STRIKE,
                "2020-01-03T00:32:00Z",
                "IQ",
                role(actorId, ActorRole.INITIATOR),
                role("never-registered", ActorRole.TARGET));
        var amended = new IncidentAmended(
                incidentId,
                new IncidentChanges(
                        null, null, null, null, new Location("IR", "Kerman", null, null), null, null, null, null),
                "the place was wrong");
        return List.of(
                recorded(strike),
                new EventEnvelope(EventType.ACTOR_REGISTERED, actorId, 0, RECORDED_AT, actor(actorId, "Raab", "GB")),
                new EventEnvelope(EventType.INCIDENT_AMENDED, incidentId, 1, RECORDED_AT.plusSeconds(60), amended));
    }

    /** The timeline entries and event log of {@code ids} (incident, actor, crisis), with the ids replaced. */
    private List<String> rowsOf(String... ids) {
        String entries = """
                SELECT concat_ws('|', scope, scope_key, occurred_at, version, type, valid_from, valid_to, retracted,
                                 reported_at)
                FROM timeline_entry_version WHERE incident_id = ? ORDER BY version, scope, scope_key
                """;
        String log = """
                SELECT concat_ws('|', event_type, sequence, recorded_at, countries, actors, types)
                FROM event_log WHERE aggregate_id IN (?, ?) ORDER BY position
                """;
        var rows = new ArrayList<String>();
        rows.addAll(jdbc.queryForList(entries, String.class, ids[0]));
        rows.addAll(jdbc.queryForList(log, String.class, ids[0], ids[1]));
        return rows.stream()
                .map(row ->
                        row.replace(ids[0], "INCIDENT").replace(ids[1], "ACTOR").replace(ids[2], "CRISIS"))
                .toList();
    }

    private static EventEnvelope recorded(IncidentRecorded incident) {
        return new EventEnvelope(EventType.INCIDENT_RECORDED, incident.incidentId(), 0, RECORDED_AT, incident);
    }

    private long countryEntries(String country, String... incidentIds) {
        return count(
                "SELECT count(*) FROM timeline_entry_version WHERE scope = 'country' AND scope_key = ?"
                        + " AND incident_id = ANY (?)",
                country,
                incidentIds);
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }
}

package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisistimeline.query.Events.actor;
import static org.crisistimeline.query.Events.crisis;
import static org.crisistimeline.query.Events.incident;
import static org.crisistimeline.query.Events.role;

import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.query.event.EventEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The projections write their rows with COPY's text format, where tabs, line breaks and backslashes separate and
 * escape: text holding them, and the characters of array and JSON literals, reaches the read model as the events
 * carried it.
 */
class TextInTheReadModelTest {

    private static final String AWKWARD = "tab\there, lines\nand\r\nbreaks, \\N, a \\ backslash, \"quotes\", {braces},"
            + " 'single', comma, Tehran تهران, Zürich, 😀";
    private static final String ACTOR = "actor \"quoted\" \\ {odd}, id";
    private static final Instant AT = Instant.parse("2020-01-03T00:32:00Z");

    private static ReadModelDatabase database;

    @BeforeAll
    static void applyEventsCarryingAwkwardText() {
        IncidentRecorded plain = incident(
                "strike",
                "iran-us",
                IncidentType.STRIKE,
                "2020-01-03T00:32:00Z",
                "IQ",
                role(ACTOR, ActorRole.INITIATOR));
        var strike = new IncidentRecorded(
                plain.incidentId(),
                plain.crisisId(),
                plain.type(),
                plain.occurredAt(),
                plain.occurredPrecision(),
                plain.location(),
                plain.actors(),
                AWKWARD,
                plain.details(),
                List.of(new Source("Sky\tNews", "https://news.sky.com/story/a\\b", AT, AWKWARD)),
                plain.confidence());
        database = ReadModelDatabase.create();
        database.readModel()
                .applyAll(List.of(
                        new EventEnvelope(EventType.CRISIS_OPENED, "iran-us", 0, AT, crisis("iran-us")),
                        new EventEnvelope(EventType.ACTOR_REGISTERED, ACTOR, 0, AT, actor(ACTOR, "Odd", "IR")),
                        new EventEnvelope(EventType.INCIDENT_RECORDED, "strike", 0, AT, "editor\tone", strike),
                        new EventEnvelope(
                                EventType.INCIDENT_RETRACTED,
                                "strike",
                                1,
                                AT.plusSeconds(60),
                                "editor\tone",
                                new IncidentRetracted("strike", AWKWARD))));
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void theVersionsHoldTheTextAsRecorded() {
        assertThat(database.jdbc()
                        .queryForList(
                                "SELECT summary FROM incident_version WHERE incident_id = 'strike' ORDER BY version",
                                String.class))
                .containsExactly(AWKWARD, AWKWARD);
        assertThat(database.jdbc()
                        .queryForObject(
                                "SELECT reason FROM incident_version WHERE incident_id = 'strike' AND version = 2",
                                String.class))
                .isEqualTo(AWKWARD);
        assertThat(database.jdbc()
                        .queryForObject(
                                "SELECT actors->0->>'actorId' FROM incident_version WHERE version = 1", String.class))
                .isEqualTo(ACTOR);
    }

    @Test
    void theSourceHoldsItsTextAsRecorded() {
        assertThat(database.jdbc()
                        .queryForMap(
                                "SELECT publisher, url, excerpt FROM incident_source WHERE incident_id = 'strike'"))
                .containsEntry("publisher", "Sky\tNews")
                .containsEntry("url", "https://news.sky.com/story/a\\b")
                .containsEntry("excerpt", AWKWARD);
    }

    @Test
    void theActorsTimelineIsKeyedByItsIdAsRecorded() {
        assertThat(database.jdbc()
                        .queryForList(
                                "SELECT scope_key FROM timeline_entry_version WHERE scope = 'actor' ORDER BY version",
                                String.class))
                .containsExactly(ACTOR, ACTOR);
    }

    @Test
    void theEventLogAndTheAuditTrailHoldTheTextAsRecorded() {
        assertThat(database.jdbc()
                        .queryForList(
                                "SELECT actors[1] FROM event_log WHERE aggregate_id = 'strike' ORDER BY position",
                                String.class))
                .containsExactly(ACTOR, ACTOR);
        assertThat(database.jdbc()
                        .queryForList(
                                "SELECT principal || '|' || coalesce(reason, '') FROM event_log"
                                        + " WHERE aggregate_id = 'strike' ORDER BY position",
                                String.class))
                .containsExactly("editor\tone|", "editor\tone|" + AWKWARD);
    }
}

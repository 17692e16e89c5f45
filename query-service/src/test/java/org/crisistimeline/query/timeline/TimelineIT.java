package org.crisistimeline.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.actor;
import static org.crisistimeline.query.Events.crisis;
import static org.crisistimeline.query.Events.incident;
import static org.crisistimeline.query.Events.role;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ContextConfiguration;

/** Events published to the real broker, read back through the REST API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class TimelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant RECORDED_AT = Instant.parse("2020-01-09T08:00:00Z");

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void incidentAppearsOnTheTimelinesOfItsCountryItsCrisisEachActorAndEachActorsCountry() {
        String crisisId = unique("crisis");
        String raab = unique("raab");
        String trump = unique("trump");
        String incidentId = unique("statement");
        topic.publish(crisisId, RECORDED_AT, crisis(crisisId));
        topic.publish(raab, RECORDED_AT, actor(raab, "Dominic Raab", "GB"));
        topic.publish(trump, RECORDED_AT, actor(trump, "Donald Trump", "US"));
        topic.publish(
                incidentId,
                Instant.parse("2020-01-09T08:30:00Z"),
                incident(
                        incidentId,
                        crisisId,
                        IncidentType.STATEMENT,
                        "2020-01-05T10:00:00Z",
                        "IQ",
                        role(raab, ActorRole.INITIATOR),
                        role(trump, ActorRole.SUBJECT)));

        String day = "?from=2020-01-05&to=2020-01-06&limit=500";
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(api.incidentIds("/api/v1/timelines/countries/IQ" + day)).contains(incidentId);
            assertThat(api.incidentIds("/api/v1/timelines/countries/GB" + day)).contains(incidentId);
            assertThat(api.incidentIds("/api/v1/timelines/countries/US" + day)).contains(incidentId);
            assertThat(api.incidentIds("/api/v1/timelines/actors/" + raab)).containsExactly(incidentId);
            assertThat(api.incidentIds("/api/v1/timelines/actors/" + trump)).containsExactly(incidentId);
            assertThat(api.incidentIds("/api/v1/timelines/crises/" + crisisId)).containsExactly(incidentId);
            assertThat(api.get("/api/v1/timelines/crises/" + crisisId)
                            .body()
                            .at("/items/0/actors/1/name")
                            .asText())
                    .isEqualTo("Donald Trump");
        });
        assertThat(api.incidentIds("/api/v1/timelines/countries/FR" + day)).doesNotContain(incidentId);

        JsonNode page = api.get("/api/v1/timelines/crises/" + crisisId).body();
        assertThat(page.get("scope").asText()).isEqualTo("crisis");
        assertThat(page.get("key").asText()).isEqualTo(crisisId);
        assertThat(page.get("nextCursor").isNull()).isTrue();
        JsonNode item = page.at("/items/0");
        assertThat(item.get("incidentId").asText()).isEqualTo(incidentId);
        assertThat(item.get("crisisId").asText()).isEqualTo(crisisId);
        assertThat(item.get("type").asText()).isEqualTo("STATEMENT");
        assertThat(item.get("occurredAt").asText()).isEqualTo("2020-01-05T10:00:00Z");
        assertThat(item.get("occurredPrecision").asText()).isEqualTo("MINUTE");
        assertThat(item.at("/location/country").asText()).isEqualTo("IQ");
        assertThat(item.at("/location/place").asText()).isEqualTo("Baghdad");
        assertThat(item.at("/location/lat").asDouble()).isEqualTo(33.3152);
        assertThat(item.at("/location/lon").asDouble()).isEqualTo(44.3661);
        assertThat(item.at("/actors/0/actorId").asText()).isEqualTo(raab);
        assertThat(item.at("/actors/0/name").asText()).isEqualTo("Dominic Raab");
        assertThat(item.at("/actors/0/country").asText()).isEqualTo("GB");
        assertThat(item.at("/actors/0/role").asText()).isEqualTo("INITIATOR");
        assertThat(item.at("/actors/1/role").asText()).isEqualTo("SUBJECT");
        assertThat(item.get("summary").asText()).isEqualTo("What happened: " + incidentId);
        assertThat(item.get("confidence").asText()).isEqualTo("HIGH");
        assertThat(item.get("reportedAt").asText()).isEqualTo("2020-01-05T10:00:00Z");
        assertThat(item.get("recordedAt").asText()).isEqualTo("2020-01-09T08:30:00Z");
        assertThat(item.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void incidentRecordedBeforeItsActorJoinsTheActorsCountryTimelineWhenTheActorArrives() {
        String crisisId = unique("crisis");
        String zarif = unique("zarif");
        String incidentId = unique("statement");
        topic.publish(
                incidentId,
                RECORDED_AT,
                incident(
                        incidentId,
                        crisisId,
                        IncidentType.STATEMENT,
                        "2020-01-06T09:00:00Z",
                        "IQ",
                        role(zarif, ActorRole.INITIATOR)));
        await().atMost(PATIENCE)
                .until(() -> api.incidentIds("/api/v1/timelines/crises/" + crisisId), ids -> ids.contains(incidentId));
        String day = "?from=2020-01-06&to=2020-01-07&limit=500";
        assertThat(api.incidentIds("/api/v1/timelines/countries/IR" + day)).doesNotContain(incidentId);
        JsonNode unknownActor =
                api.get("/api/v1/timelines/crises/" + crisisId).body().at("/items/0/actors/0");
        assertThat(unknownActor.get("actorId").asText()).isEqualTo(zarif);
        assertThat(unknownActor.get("name").isNull()).isTrue();
        assertThat(unknownActor.get("role").asText()).isEqualTo("INITIATOR");

        topic.publish(zarif, RECORDED_AT, actor(zarif, "Mohammad Javad Zarif", "IR"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.incidentIds("/api/v1/timelines/countries/IR" + day))
                        .containsOnlyOnce(incidentId));
        assertThat(api.get("/api/v1/timelines/crises/" + crisisId)
                        .body()
                        .at("/items/0/actors/0/name")
                        .asText())
                .isEqualTo("Mohammad Javad Zarif");
    }

    @Test
    void timelineIsOrderedByOccurredAtThenIncidentId() {
        String crisisId = unique("crisis");
        String strike = crisisId + "-strike";
        String rocketsA = crisisId + "-rockets-a";
        String rocketsB = crisisId + "-rockets-b";
        String vote = crisisId + "-vote";
        // published out of order, and on different partitions
        publishIncident(vote, crisisId, IncidentType.VOTE, "2020-01-05T15:00:00Z");
        publishIncident(rocketsB, crisisId, IncidentType.STRIKE, "2020-01-04T20:00:00Z");
        publishIncident(strike, crisisId, IncidentType.STRIKE, "2020-01-03T00:32:00Z");
        publishIncident(rocketsA, crisisId, IncidentType.STRIKE, "2020-01-04T20:00:00Z");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.incidentIds("/api/v1/timelines/crises/" + crisisId))
                        .containsExactly(strike, rocketsA, rocketsB, vote));
    }

    @Test
    void timelineIsFilteredByTimeAndType() {
        String crisisId = unique("crisis");
        String strike = crisisId + "-1-strike";
        String vote = crisisId + "-2-vote";
        String statement = crisisId + "-3-statement";
        String staffing = crisisId + "-4-staffing";
        publishIncident(strike, crisisId, IncidentType.STRIKE, "2020-01-03T00:32:00Z");
        publishIncident(vote, crisisId, IncidentType.VOTE, "2020-01-05T15:00:00Z");
        publishIncident(statement, crisisId, IncidentType.STATEMENT, "2020-01-06T09:00:00Z");
        publishIncident(staffing, crisisId, IncidentType.STAFFING_CHANGE, "2020-01-07T23:59:59Z");
        String timeline = "/api/v1/timelines/crises/" + crisisId;
        await().atMost(PATIENCE).until(() -> api.incidentIds(timeline).size() == 4);

        // days are UTC days, both included; an instant as from is inclusive, as to exclusive
        assertThat(api.incidentIds(timeline + "?from=2020-01-05&to=2020-01-06")).containsExactly(vote, statement);
        assertThat(api.incidentIds(timeline + "?from=2020-01-06&to=2020-01-06")).containsExactly(statement);
        assertThat(api.incidentIds(timeline + "?from=2020-01-07&to=2020-01-07")).containsExactly(staffing);
        assertThat(api.incidentIds(timeline + "?from=2020-01-05T15:00:00Z")).containsExactly(vote, statement, staffing);
        assertThat(api.incidentIds(timeline + "?to=2020-01-05T15:00:00Z")).containsExactly(strike);
        assertThat(api.incidentIds(timeline + "?to=2020-01-06")).containsExactly(strike, vote, statement);
        assertThat(api.incidentIds(timeline + "?to=2020-01-08T00:00:00Z"))
                .containsExactly(strike, vote, statement, staffing);
        assertThat(api.incidentIds(timeline + "?type=STRIKE,VOTE")).containsExactly(strike, vote);
        assertThat(api.incidentIds(timeline + "?type=STATEMENT&type=staffing_change"))
                .containsExactly(statement, staffing);
        assertThat(api.incidentIds(timeline + "?type=VOTE,STATEMENT&from=2020-01-06"))
                .containsExactly(statement);
        assertThat(api.incidentIds(timeline + "?type=PROTEST")).isEmpty();
    }

    @Test
    void cursorPaginationReturnsEveryItemExactlyOnce() {
        String crisisId = unique("crisis");
        List<String> expected = new ArrayList<>();
        String[] occurredAt = {
            "2020-01-03T00:32:00Z",
            "2020-01-03T06:00:00Z",
            "2020-01-04T12:00:00Z",
            // three at the same minute, so a page boundary falls between incidents with equal occurredAt
            "2020-01-05T15:00:00Z",
            "2020-01-05T15:00:00Z",
            "2020-01-05T15:00:00Z",
            "2020-01-08T01:30:00Z"
        };
        for (int i = 0; i < occurredAt.length; i++) {
            String incidentId = crisisId + "-" + i;
            expected.add(incidentId);
            publishIncident(incidentId, crisisId, IncidentType.STRIKE, occurredAt[i]);
        }
        String timeline = "/api/v1/timelines/crises/" + crisisId;
        await().atMost(PATIENCE).until(() -> api.incidentIds(timeline).size() == expected.size());

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get(timeline + "?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(page.incidentIds());
            pageSizes.add(page.incidentIds().size());
            cursor = page.body().get("nextCursor").isNull()
                    ? null
                    : page.body().get("nextCursor").asText();
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(4, 3);
        assertThat(seen).containsExactlyElementsOf(expected);

        // the limit may fall exactly on the end: the last full page then has a cursor to an empty page
        List<String> byThrees = new ArrayList<>();
        Api.Response first = api.get(timeline + "?limit=3");
        byThrees.addAll(first.incidentIds());
        Api.Response second = api.get(
                timeline + "?limit=3&cursor=" + first.body().get("nextCursor").asText());
        byThrees.addAll(second.incidentIds());
        Api.Response third = api.get(
                timeline + "?limit=3&cursor=" + second.body().get("nextCursor").asText());
        byThrees.addAll(third.incidentIds());
        assertThat(third.body().get("nextCursor").isNull()).isTrue();
        assertThat(byThrees).containsExactlyElementsOf(expected);
    }

    @Test
    void redeliveredEventChangesNothing() {
        String crisisId = unique("crisis");
        String soleimani = unique("soleimani");
        String incidentId = crisisId + "-strike";
        String later = crisisId + "-vote";
        ProducerRecord<String, byte[]> recorded = topic.record(
                incidentId,
                0,
                RECORDED_AT,
                incident(
                        incidentId,
                        crisisId,
                        IncidentType.STRIKE,
                        "2020-01-03T00:32:00Z",
                        "IQ",
                        role(soleimani, ActorRole.VICTIM)));
        topic.send(recorded);
        await().atMost(PATIENCE)
                .until(() -> api.get("/api/v1/incidents/" + incidentId).status() == 200);

        RecordMetadata redelivered = topic.send(recorded);
        // a later event on the same partition: once it shows, the redelivered one before it has been handled
        IncidentRecorded sentinel = incident(later, crisisId, IncidentType.VOTE, "2020-01-05T15:00:00Z", "IQ");
        ProducerRecord<String, byte[]> sentinelRecord = topic.record(later, 0, RECORDED_AT, sentinel);
        topic.send(new ProducerRecord<>(
                sentinelRecord.topic(),
                redelivered.partition(),
                sentinelRecord.key(),
                sentinelRecord.value(),
                sentinelRecord.headers()));
        await().atMost(PATIENCE)
                .until(() -> api.get("/api/v1/incidents/" + later).status() == 200);

        assertThat(api.get("/api/v1/incidents/" + incidentId)
                        .body()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.incidentIds("/api/v1/timelines/crises/" + crisisId)).containsExactly(incidentId, later);
        assertThat(api.incidentIds("/api/v1/timelines/actors/" + soleimani)).containsExactly(incidentId);
        assertThat(api.incidentIds("/api/v1/timelines/countries/IQ?from=2020-01-03T00:32:00Z&to=2020-01-03T00:33:00Z"))
                .containsOnlyOnce(incidentId);
    }

    private void publishIncident(String incidentId, String crisisId, IncidentType type, String occurredAt) {
        topic.publish(incidentId, RECORDED_AT, incident(incidentId, crisisId, type, occurredAt, "IQ"));
    }
}

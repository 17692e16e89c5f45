package org.crisistimeline.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.Events;
import org.crisistimeline.query.SseClient;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Replays read as a browser's EventSource reads them; the tests cap a single wait at 1 s. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ReplayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TopicPublisher topic = new TopicPublisher();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private TestRestTemplate rest;

    @LocalServerPort
    private int port;

    private Api api;
    private String crisisId;
    private String vote;
    private String strike;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        crisisId = unique("crisis");
        vote = crisisId + "-vote";
        strike = crisisId + "-strike";
        // the vote was reported on the 5th at noon and recorded on the 6th; the strike reported on the 3rd at 02:00
        // and recorded on the 4th, so the strike broke first though it was recorded after the vote was reported
        topic.publish(vote, 0, Instant.parse("2020-01-06T09:00:00Z"), recorded(vote, "2020-01-05T12:00:00Z"));
        topic.publish(strike, 0, Instant.parse("2020-01-04T10:00:00Z"), recorded(strike, "2020-01-03T02:00:00Z"));
        topic.publish(
                vote,
                1,
                Instant.parse("2020-01-07T09:00:00Z"),
                new IncidentAmended(
                        vote,
                        new IncidentChanges(null, null, null, null, null, null, "The vote was non-binding", null, null),
                        "Clarified"));
        // a source published before the first report, attached later: the strike broke when that source was published
        topic.publish(
                strike,
                1,
                Instant.parse("2020-01-08T09:00:00Z"),
                new SourceAttached(
                        strike,
                        new Source("Reuters", "https://reuters.com/s", Instant.parse("2020-01-03T01:00:00Z"), null)));
        topic.publish(vote, 2, Instant.parse("2020-01-09T09:00:00Z"), new IncidentRetracted(vote, "Duplicate"));
        // another crisis, not replayed
        String other = unique("crisis");
        topic.publish(
                other + "-x",
                Instant.parse("2020-01-04T00:00:00Z"),
                Events.incident(other + "-x", other, IncidentType.STRIKE, "2020-01-03T12:00:00Z", "IQ"));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.get("/api/v1/incidents/" + vote + "/history")
                                .body()
                                .path("versions"))
                        .hasSize(3));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.get("/api/v1/incidents/" + strike + "/history")
                                .body()
                                .path("versions"))
                        .hasSize(2));
    }

    @Test
    void replayShowsEachIncidentAsFirstReportedThenEachCorrectionAtItsTime() throws Exception {
        List<SseClient.Event> events;
        try (SseClient replay = SseClient.open(uri("?crisis=" + crisisId + "&speed=max"), null)) {
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.header("Content-Type")).startsWith("text/event-stream");
            events = replay.untilEnd(PATIENCE);
        }

        assertThat(events)
                .extracting(SseClient.Event::name)
                .containsExactly(
                        "incident-reported",
                        "incident-reported",
                        "incident-amended",
                        "source-attached",
                        "incident-retracted");
        assertThat(events)
                .extracting(SseClient.Event::id)
                .containsExactly(
                        "2020-01-03T01:00:00Z/" + strike + "/1",
                        "2020-01-05T12:00:00Z/" + vote + "/1",
                        "2020-01-07T09:00:00Z/" + vote + "/2",
                        "2020-01-08T09:00:00Z/" + strike + "/2",
                        "2020-01-09T09:00:00Z/" + vote + "/3");

        JsonNode firstVote = json.readTree(events.get(1).data());
        assertThat(firstVote.get("incidentId").asText()).isEqualTo(vote);
        assertThat(firstVote.get("version").asInt()).isEqualTo(1);
        assertThat(firstVote.get("summary").asText()).isEqualTo("Reported: " + vote);
        assertThat(json.readTree(events.get(2).data()).get("summary").asText()).isEqualTo("The vote was non-binding");
        assertThat(json.readTree(events.get(3).data()).get("sources")).hasSize(2);
        assertThat(json.readTree(events.get(4).data()).get("status").asText()).isEqualTo("RETRACTED");
        // the data is the incident as GET /incidents/{id}?asOf answers it
        assertThat(firstVote)
                .isEqualTo(api.get("/api/v1/incidents/" + vote + "?asOf=2020-01-06T12:00:00Z")
                        .body());
    }

    @Test
    void replayAgreesWithKnownAtAtEveryInstant() {
        List<SseClient.Event> events;
        try (SseClient replay = SseClient.open(uri("?crisis=" + crisisId + "&speed=max"), null)) {
            events = replay.untilEnd(PATIENCE);
        }

        for (String instant : List.of(
                "2020-01-03T00:59:59Z",
                "2020-01-03T01:00:00Z",
                "2020-01-03T02:00:00Z",
                "2020-01-05T11:59:59Z",
                "2020-01-05T12:00:00Z",
                "2020-01-10T00:00:00Z")) {
            Instant at = Instant.parse(instant);
            List<String> replayedBy = events.stream()
                    .filter(event -> event.name().equals("incident-reported"))
                    .filter(event -> !Instant.parse(
                                    event.id().substring(0, event.id().indexOf('/')))
                            .isAfter(at))
                    .map(event -> event.id().split("/")[1])
                    .sorted()
                    .toList();
            List<String> knownAt = api
                    .incidentIds("/api/v1/timelines/crises/" + crisisId + "?includeRetracted=true&knownAt=" + instant)
                    .stream()
                    .sorted()
                    .toList();
            assertThat(replayedBy).as("at %s", instant).isEqualTo(knownAt);
        }
        assertThat(events.get(0).id()).startsWith("2020-01-03T01:00:00Z/" + strike);
    }

    @Test
    void replayResumesAfterTheLastEventId() {
        List<SseClient.Event> all;
        try (SseClient replay = SseClient.open(uri("?crisis=" + crisisId), null)) {
            all = replay.untilEnd(PATIENCE);
        }
        List<SseClient.Event> rest;
        try (SseClient replay =
                SseClient.open(uri("?crisis=" + crisisId), all.get(1).id())) {
            rest = replay.untilEnd(PATIENCE);
        }

        assertThat(all).hasSize(5);
        assertThat(rest).containsExactlyElementsOf(all.subList(2, 5));
    }

    @Test
    void speedScalesTheGapsAndNoWaitIsLongerThanTheCap() {
        String paced = unique("crisis");
        // reported at 00:00, 00:30 and a year later: at 3600 s of news a second, 0.5 s then (capped) 1 s
        publishReported(paced + "-a", paced, "2020-01-03T00:00:00Z");
        publishReported(paced + "-b", paced, "2020-01-03T00:30:00Z");
        publishReported(paced + "-c", paced, "2021-01-03T00:00:00Z");
        await().atMost(PATIENCE)
                .until(() ->
                        api.incidentIds("/api/v1/timelines/crises/" + paced).size() == 3);

        List<Long> arrivals = new ArrayList<>();
        try (SseClient replay = SseClient.open(uri("?crisis=" + paced + "&speed=3600"), null)) {
            for (int index = 0; index < 3; index++) {
                replay.next(Duration.ofSeconds(10));
                arrivals.add(System.nanoTime());
            }
        }

        Duration first = Duration.ofNanos(arrivals.get(1) - arrivals.get(0));
        Duration second = Duration.ofNanos(arrivals.get(2) - arrivals.get(1));
        assertThat(first).isBetween(Duration.ofMillis(400), Duration.ofSeconds(5));
        assertThat(second).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    }

    @Test
    void badParametersAreProblemDetailsNotStreams() throws Exception {
        assertProblem("?crisis=" + crisisId + "&speed=fast", null, 400, "speed");
        assertProblem("?crisis=" + crisisId + "&speed=0", null, 400, "speed");
        assertProblem("?crisis=" + crisisId + "&speed=-3600", null, 400, "speed");
        assertProblem("?speed=max", null, 400, "crisis");
        assertProblem("?crisis=" + crisisId, "yesterday", 400, "Last-Event-ID");
        assertProblem("?crisis=" + unique("never-opened"), null, 404, null);
    }

    private void assertProblem(String query, String lastEventId, int status, String field) throws Exception {
        try (SseClient replay = SseClient.open(uri(query), lastEventId)) {
            assertThat(replay.status()).as(query).isEqualTo(status);
            assertThat(replay.header("Content-Type")).as(query).isEqualTo("application/problem+json");
            JsonNode problem = json.readTree(replay.errorBody());
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            if (field != null) {
                assertThat(problem.at("/errors/0/field").asText()).as(query).isEqualTo(field);
            }
        }
    }

    private void publishReported(String incidentId, String crisis, String reportedAt) {
        topic.publish(
                incidentId,
                Instant.parse("2021-02-01T00:00:00Z"),
                Events.incident(incidentId, crisis, IncidentType.STATEMENT, reportedAt, "IQ"));
    }

    private IncidentRecorded recorded(String incidentId, String reportedAt) {
        return new IncidentRecorded(
                incidentId,
                crisisId,
                IncidentType.STRIKE,
                Instant.parse(reportedAt).minusSeconds(3600),
                Precision.HOUR,
                new Location("IQ", "Baghdad", 33.3, 44.4),
                List.of(new IncidentActor(unique("actor"), ActorRole.INITIATOR)),
                "Reported: " + incidentId,
                Events.details(IncidentType.STRIKE),
                List.of(new Source("Sky News", "https://news.sky.com/" + incidentId, Instant.parse(reportedAt), null)),
                Confidence.MEDIUM);
    }

    private URI uri(String query) {
        return URI.create("http://localhost:" + port + "/api/v1/replay" + query);
    }
}

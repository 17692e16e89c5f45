package org.crisistimeline.query.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.Events;
import org.crisistimeline.query.SseClient;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Live streams read as a browser's EventSource reads them. The tests allow 4 streams at once, 3 of them to one client,
 * and a heartbeat every second. Each event is published once the one before it was applied, so the log's order is the order published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class StreamIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant RECORDED_AT = Instant.parse("2020-01-09T08:00:00Z");

    private final TopicPublisher topic = new TopicPublisher();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private TestRestTemplate rest;

    @LocalServerPort
    private int port;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void streamSendsTheNewEventsThatMatchItsFilter() throws Exception {
        String crisisId = unique("crisis");
        String fijiProtest = crisisId + "-fiji-protest";
        String fijiStrike = crisisId + "-fiji-strike";
        String samoaProtest = crisisId + "-samoa-protest";
        try (SseClient stream = open("?country=FJ&type=protest", null)) {
            recorded(Events.incident(fijiProtest, crisisId, IncidentType.PROTEST, "2020-01-05T10:00:00Z", "FJ"));
            recorded(Events.incident(fijiStrike, crisisId, IncidentType.STRIKE, "2020-01-05T11:00:00Z", "FJ"));
            recorded(Events.incident(samoaProtest, crisisId, IncidentType.PROTEST, "2020-01-05T12:00:00Z", "WS"));
            // moved to Fiji: now on its timeline
            applied(samoaProtest, 1, new IncidentAmended(samoaProtest, moveTo("FJ"), "Wrong country"));
            applied(fijiProtest, 1, new IncidentRetracted(fijiProtest, "Did not happen"));

            List<SseClient.Event> events = stream.next(3, PATIENCE);
            assertThat(events)
                    .extracting(SseClient.Event::name)
                    .containsExactly("incident-recorded", "incident-amended", "incident-retracted");
            List<String> shown = new ArrayList<>();
            for (SseClient.Event event : events) {
                JsonNode incident = json.readTree(event.data());
                shown.add(incident.get("incidentId").asText() + " v"
                        + incident.get("version").asInt());
            }
            assertThat(shown).containsExactly(fijiProtest + " v1", samoaProtest + " v2", fijiProtest + " v2");
            assertThat(json.readTree(events.get(2).data()).get("status").asText())
                    .isEqualTo("RETRACTED");
            assertThat(Long.parseLong(events.get(0).id()))
                    .isLessThan(Long.parseLong(events.get(1).id()));
        }
    }

    @Test
    void streamResumesAfterTheLastEventIdThenGoesOnLive() throws Exception {
        String actorId = unique("raab");
        String crisisId = unique("crisis");
        SseClient.Event second;
        try (SseClient stream = open("?actor=" + actorId, null)) {
            applied(actorId, 0, new ActorRegistered(actorId, "Dominic Raab", ActorKind.PERSON, "GB", List.of()));
            recorded(statement(crisisId + "-1", crisisId, actorId));
            List<SseClient.Event> seen = stream.next(2, PATIENCE);
            assertThat(seen).extracting(SseClient.Event::name).containsExactly("actor-registered", "incident-recorded");
            assertThat(json.readTree(seen.get(0).data()).get("name").asText()).isEqualTo("Dominic Raab");
            second = seen.get(1);
        }
        // missed while away
        recorded(statement(crisisId + "-2", crisisId, actorId));
        applied(actorId, 1, new ActorAliasAdded(actorId, "Mr Raab"));

        try (SseClient stream = open("?actor=" + actorId, second.id())) {
            List<SseClient.Event> missed = stream.next(2, PATIENCE);
            assertThat(missed)
                    .extracting(SseClient.Event::name)
                    .containsExactly("incident-recorded", "actor-alias-added");
            assertThat(json.readTree(missed.get(0).data()).get("incidentId").asText())
                    .isEqualTo(crisisId + "-2");
            assertThat(json.readTree(missed.get(1).data()).get("aliases").get(0).asText())
                    .isEqualTo("Mr Raab");

            recorded(statement(crisisId + "-3", crisisId, actorId));
            SseClient.Event live = stream.next(PATIENCE);
            assertThat(json.readTree(live.data()).get("incidentId").asText()).isEqualTo(crisisId + "-3");
        }
    }

    @Test
    void anAcceptedStreamSaysSoAtOnceBeforeAnyHeartbeat() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request =
                HttpRequest.newBuilder(uri("?actor=" + unique("nobody"))).build();
        // once a slot is free, as open() waits: the streams of the test before may hold them for a heartbeat
        List<HttpResponse<Stream<String>>> accepted = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<Stream<String>> attempt = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (attempt.statusCode() == 200) {
                accepted.add(attempt);
                return true;
            }
            attempt.body().close();
            return false;
        });
        HttpResponse<Stream<String>> response = accepted.get(0);
        try (Stream<String> lines = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(lines.findFirst()).hasValue(":open");
        }
    }

    @Test
    void idleStreamSendsHeartbeatComments() {
        try (SseClient stream = open("?actor=" + unique("nobody"), null)) {
            // "open", then heartbeats
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.comments() >= 3);
            assertThat(stream.quiet()).isTrue();
        }
    }

    @Test
    void streamsBeyondTheLimitAreRefusedWith503() throws Exception {
        List<SseClient> streams = new ArrayList<>();
        try {
            SseClient refused = null;
            for (int index = 0; index < 5 && refused == null; index++) {
                // each from a client of its own: the service's slots run out, not one client's share
                SseClient stream = SseClient.open(
                        uri("?actor=" + unique("nobody")), null, TestTokens.token(unique("client"), "reader"));
                if (stream.status() == 503) {
                    refused = stream;
                } else {
                    streams.add(stream);
                }
            }
            assertThat(refused).as("one of five streams is refused").isNotNull();
            assertThat(streams.size()).isLessThanOrEqualTo(4);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(json.readTree(refused.errorBody()).get("title").asText()).isEqualTo("Busy");
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    @Test
    void oneClientBeyondItsShareIsRefusedWith429WhileAnotherStillGetsAStream() throws Exception {
        String alice = TestTokens.token(unique("alice"), "reader");
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int index = 0; index < 3; index++) {
                streams.add(open("?actor=" + unique("nobody"), null, alice));
            }
            try (SseClient refused = SseClient.open(uri("?actor=" + unique("nobody")), null, alice)) {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(refused.header("Retry-After")).isEqualTo("5");
                JsonNode problem = json.readTree(refused.errorBody());
                assertThat(problem.get("status").asInt()).isEqualTo(429);
                assertThat(problem.get("title").asText()).isEqualTo("Busy");
                assertThat(problem.get("detail").asText()).contains("holds 3 streams already");
            }
            // the service's fourth slot is still free for someone else
            try (SseClient bob = open("?actor=" + unique("nobody"), null, TestTokens.token(unique("bob"), "reader"))) {
                assertThat(bob.status()).isEqualTo(200);
            }
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    @Test
    void badFilterIsAProblemDetailsNotAStream() throws Exception {
        try (SseClient stream = SseClient.open(uri("?country=XX&type=EARTHQUAKE&colour=red"), "not-a-number")) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(json.readTree(stream.errorBody()).findValuesAsText("field"))
                    .containsExactly("colour", "country", "type", "Last-Event-ID");
        }
    }

    /** A stream, once a slot is free: the streams of the test before may take a heartbeat to notice they are gone. */
    private SseClient open(String query, String lastEventId) {
        return open(query, lastEventId, null);
    }

    /** As {@link #open(String, String)}, for the client a token names. */
    private SseClient open(String query, String lastEventId, String token) {
        List<SseClient> opened = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            SseClient stream = SseClient.open(uri(query), lastEventId, token);
            if (stream.status() == 200) {
                opened.add(stream);
                return true;
            }
            return false;
        });
        return opened.get(0);
    }

    private void recorded(IncidentRecorded incident) {
        applied(incident.incidentId(), 0, incident);
    }

    /** Publishes the event and waits until the read model has applied it. */
    private void applied(String aggregateId, long sequence, Record event) {
        topic.publish(aggregateId, sequence, RECORDED_AT, event);
        String path = event instanceof ActorRegistered || event instanceof ActorAliasAdded
                ? "/api/v1/actors/" + aggregateId
                : "/api/v1/incidents/" + aggregateId;
        await().atMost(PATIENCE).until(() -> {
            Api.Response response = api.get(path);
            if (response.status() != 200) {
                return false;
            }
            return event instanceof ActorAliasAdded
                    ? response.body().get("aliases").size() > 0
                    : event instanceof ActorRegistered
                            || response.body().get("version").asLong() == sequence + 1;
        });
    }

    private static IncidentRecorded statement(String incidentId, String crisisId, String actorId) {
        return Events.incident(
                incidentId,
                crisisId,
                IncidentType.STATEMENT,
                "2020-01-06T09:00:00Z",
                "GB",
                Events.role(actorId, ActorRole.INITIATOR));
    }

    private static IncidentChanges moveTo(String country) {
        return new IncidentChanges(
                null, null, null, null, new Location(country, "Suva", -18.14, 178.44), null, null, null, null);
    }

    private URI uri(String query) {
        return URI.create("http://localhost:" + port + "/api/v1/stream" + query);
    }
}

package org.crisistimeline.query.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class IncidentIT {

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void incidentShowsItsDetailsSourcesAndActorsAsRecorded() throws Exception {
        String us = unique("us");
        String soleimani = unique("soleimani");
        String incidentId = unique("baghdad-airport-strike");
        topic.publish(
                us,
                Instant.parse("2020-01-03T05:00:00Z"),
                new ActorRegistered(us, "United States", ActorKind.STATE, "US", List.of("USA")));
        topic.publish(
                incidentId,
                Instant.parse("2020-01-07T09:15:00.123456Z"),
                new IncidentRecorded(
                        incidentId,
                        "iran-us-2020",
                        IncidentType.STRIKE,
                        Instant.parse("2020-01-03T00:32:00Z"),
                        Precision.MINUTE,
                        new Location("IQ", "Baghdad International Airport", 33.2625, 44.2346),
                        List.of(
                                new IncidentActor(us, ActorRole.INITIATOR),
                                new IncidentActor(soleimani, ActorRole.VICTIM)),
                        "US drone strike kills Qassem Soleimani",
                        new StrikeDetails(
                                StrikeDetails.Method.DRONE,
                                "convoy leaving the airport",
                                new StrikeDetails.Casualties(new StrikeDetails.Estimate(8, 10, 12), null)),
                        List.of(
                                new Source(
                                        "Sky News",
                                        "https://news.sky.com/story/x",
                                        Instant.parse("2020-01-07T09:00:00Z"),
                                        "Qassem Soleimani was killed"),
                                // listed second but published first: it is the one that makes reportedAt
                                new Source(
                                        "Reuters",
                                        "https://reuters.com/y",
                                        Instant.parse("2020-01-03T01:10:00Z"),
                                        null)),
                        Confidence.HIGH));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.get("/api/v1/incidents/" + incidentId)
                                .body()
                                .at("/actors/0/name")
                                .asText())
                        .isEqualTo("United States"));

        Api.Response response = api.get("/api/v1/incidents/" + incidentId);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        JsonNode expected = new ObjectMapper().readTree("""
                        {
                          "incidentId": "%s",
                          "crisisId": "iran-us-2020",
                          "type": "STRIKE",
                          "occurredAt": "2020-01-03T00:32:00Z",
                          "occurredPrecision": "MINUTE",
                          "occurredOn": null,
                          "occurredUntil": null,
                          "location": {"country": "IQ", "place": "Baghdad International Airport",
                                       "lat": 33.2625, "lon": 44.2346},
                          "actors": [
                            {"actorId": "%s", "name": "United States", "kind": "STATE", "country": "US",
                             "role": "INITIATOR"},
                            {"actorId": "%s", "name": null, "kind": null, "country": null, "role": "VICTIM"}
                          ],
                          "summary": "US drone strike kills Qassem Soleimani",
                          "details": {"method": "DRONE", "target": "convoy leaving the airport",
                                      "casualties": {"killed": {"low": 8, "best": 10, "high": 12}}},
                          "sources": [
                            {"publisher": "Sky News", "url": "https://news.sky.com/story/x",
                             "publishedAt": "2020-01-07T09:00:00Z", "excerpt": "Qassem Soleimani was killed"},
                            {"publisher": "Reuters", "url": "https://reuters.com/y",
                             "publishedAt": "2020-01-03T01:10:00Z", "excerpt": null}
                          ],
                          "confidence": "HIGH",
                          "status": "RECORDED",
                          "reportedAt": "2020-01-03T01:10:00Z",
                          "recordedAt": "2020-01-07T09:15:00.123456Z",
                          "updatedAt": "2020-01-07T09:15:00.123456Z",
                          "version": 1,
                          "origin": null
                        }
                        """.formatted(incidentId, us, soleimani));
        assertThat(response.body()).isEqualTo(expected);
    }

    @Test
    void unknownIncidentIsNotFound() {
        Api.Response response = api.get("/api/v1/incidents/" + unique("never-recorded"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(404);
        assertThat(response.body().get("title").asText()).isEqualTo("Not found");
    }

    @Test
    void incidentRefusesUnknownAndGarbledParameters() {
        Api.Response response = api.get("/api/v1/incidents/x?asAt=2020-01-07&knownAt=yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.errorFields()).containsExactly("asAt", "knownAt");
    }
}

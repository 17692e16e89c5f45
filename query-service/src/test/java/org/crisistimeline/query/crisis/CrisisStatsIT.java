package org.crisistimeline.query.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.incident;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.crisistimeline.events.incident.IncidentRetracted;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class CrisisStatsIT {

    private final TopicPublisher topic = new TopicPublisher();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private TestRestTemplate rest;

    private Api api;
    private String crisisId;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        crisisId = unique("crisis");
        // (the test events' only source is published at occurredAt)
        publish("strike-1", IncidentType.STRIKE, "2020-01-03T00:32:00Z", "IQ", "2020-01-03T06:00:00Z");
        publish("strike-2", IncidentType.STRIKE, "2020-01-03T20:00:00Z", "IQ", "2020-01-04T06:00:00Z");
        publish("vote", IncidentType.VOTE, "2020-01-05T15:00:00Z", "IQ", "2020-01-05T18:00:00Z");
        publish("statement", IncidentType.STATEMENT, "2020-01-06T09:00:00Z", "GB", "2020-01-06T12:00:00Z");
        publish("rockets", IncidentType.STRIKE, "2020-01-06T22:00:00Z", "IR", "2020-01-07T06:00:00Z");
        topic.publish(
                crisisId + "-rockets",
                1,
                Instant.parse("2020-01-08T06:00:00Z"),
                new IncidentRetracted(crisisId + "-rockets", "No rockets were fired"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.get("/api/v1/incidents/" + crisisId + "-rockets")
                                .body()
                                .path("status")
                                .asText())
                        .isEqualTo("RETRACTED"));
    }

    @Test
    void statsCountTheCurrentTimelineByDayTypeAndCountry() throws Exception {
        Api.Response stats = api.get(stats(""));

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.body()).isEqualTo(json.readTree("""
                {"crisisId": "%s", "asOf": null, "knownAt": null, "includeRetracted": false, "total": 4,
                 "perDay": [{"date": "2020-01-03", "count": 2}, {"date": "2020-01-05", "count": 1},
                            {"date": "2020-01-06", "count": 1}],
                 "perType": [{"type": "STRIKE", "count": 2}, {"type": "VOTE", "count": 1},
                             {"type": "STATEMENT", "count": 1}],
                 "perCountry": [{"country": "IQ", "count": 3}, {"country": "GB", "count": 1}],
                 "perDayAndType": [{"date": "2020-01-03", "type": "STRIKE", "count": 2},
                                   {"date": "2020-01-05", "type": "VOTE", "count": 1},
                                   {"date": "2020-01-06", "type": "STATEMENT", "count": 1}]}
                """.formatted(crisisId)));
    }

    @Test
    void statsTakeTheSameViewsAsTheTimelines() {
        assertThat(api.get(stats("?includeRetracted=true")).body().get("total").asInt())
                .isEqualTo(5);
        // before the retraction the rockets counted, and in Iran
        Api.Response asOf = api.get(stats("?asOf=2020-01-07T12:00:00Z"));
        assertThat(asOf.body().get("total").asInt()).isEqualTo(5);
        assertThat(asOf.body().get("asOf").asText()).isEqualTo("2020-01-07T12:00:00Z");
        assertThat(asOf.body().get("perCountry").findValuesAsText("country")).containsExactly("IQ", "GB", "IR");
        // reported by the 4th: the two strikes of the 3rd
        Api.Response knownAt = api.get(stats("?knownAt=2020-01-04"));
        assertThat(knownAt.body().get("total").asInt()).isEqualTo(2);
        assertThat(knownAt.body().get("perType").findValuesAsText("type")).containsExactly("STRIKE");
        assertThat(api.get(stats("?asOf=2020-01-05&knownAt=2020-01-03T12:00:00Z"))
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void statsRefuseUnknownParameters() {
        assertThat(api.get(stats("?groupBy=week")).errorFields()).containsExactly("groupBy");
    }

    private void publish(String name, IncidentType type, String occurredAt, String country, String recordedAt) {
        String incidentId = crisisId + "-" + name;
        topic.publish(
                incidentId, 0, Instant.parse(recordedAt), incident(incidentId, crisisId, type, occurredAt, country));
    }

    private String stats(String query) {
        return "/api/v1/crises/" + crisisId + "/stats" + query;
    }
}

package org.crisistimeline.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.Events;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;

/** An auditor asks who did what, when and why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class AuditEventsIT {

    private static final String ADMIN = TestTokens.token("auditor", "admin");

    @Autowired
    TestRestTemplate http;

    @Test
    void theTrailNamesWhoRecordedAndWhoDisputedAndWhy() throws Exception {
        String incidentId = Events.unique("audited");
        var publisher = new TopicPublisher();
        Instant recorded = Instant.parse("2020-01-08T10:00:00Z");
        publisher.publish(
                incidentId,
                0,
                recorded,
                Events.incident(incidentId, "iran-us-2020", IncidentType.STRIKE, "2020-01-03T01:00:00Z", "IQ"),
                "alice");
        publisher.publish(
                incidentId, 1, recorded.plusSeconds(60), new IncidentDisputed(incidentId, "one source only"), "bob");

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        items("/api/v1/audit/events?incident=" + incidentId).size() == 2);

        JsonNode newestFirst = items("/api/v1/audit/events?incident=" + incidentId);
        assertThat(newestFirst.get(0).get("principal").asText()).isEqualTo("bob");
        assertThat(newestFirst.get(0).get("eventType").asText()).isEqualTo("INCIDENT_DISPUTED");
        assertThat(newestFirst.get(0).get("reason").asText()).isEqualTo("one source only");
        assertThat(newestFirst.get(1).get("principal").asText()).isEqualTo("alice");
        assertThat(items("/api/v1/audit/events?incident=" + incidentId + "&principal=alice"))
                .hasSize(1);
        assertThat(items("/api/v1/audit/events?incident=" + incidentId + "&type=INCIDENT_RECORDED"))
                .hasSize(1);
        assertThat(items("/api/v1/audit/events?incident=" + incidentId + "&from=2020-01-08T10:00:30Z"))
                .hasSize(1);
        JsonNode firstPage = get("/api/v1/audit/events?incident=" + incidentId + "&limit=1");
        assertThat(items("/api/v1/audit/events?incident=" + incidentId + "&limit=1&cursor="
                                + firstPage.get("nextCursor").asText())
                        .get(0)
                        .get("principal")
                        .asText())
                .isEqualTo("alice");
    }

    @Test
    void theTrailIsForAdminsAndRefusesUnknownParameters() {
        assertThat(new Api(http).get("/api/v1/audit/events").status()).isEqualTo(401);
        var headers = new HttpHeaders();
        headers.setBearerAuth(ADMIN);
        assertThat(http.exchange(
                                "/api/v1/audit/events?who=alice",
                                HttpMethod.GET,
                                new HttpEntity<>(headers),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private JsonNode items(String path) {
        return get(path).get("items");
    }

    private JsonNode get(String path) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(ADMIN);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
                .getBody();
    }
}

package org.crisistimeline.command.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.crisistimeline.command.TestBodies;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/** Corrections, sources, verdicts, retraction and links over HTTP, on the real event store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class CorrectingIncidentsIT {

    private static final String EDITOR = TestTokens.token("test-editor", "editor");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private String id;

    @BeforeEach
    void aRecordedDroneStrike() {
        post("/api/v1/crises", TestBodies.CRISIS);
        post("/api/v1/actors", TestBodies.UNITED_STATES);
        post("/api/v1/actors", TestBodies.SOLEIMANI);
        id = "incident-" + UUID.randomUUID();
        assertThat(post("/api/v1/incidents", TestBodies.droneStrike(id).toString())
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aCorrectionAnswersTheNewVersionAndIsStored() {
        ResponseEntity<JsonNode> response = post("/api/v1/incidents/" + id + "/amendments", """
                {"expectedVersion": 1, "changes": {"details": {"method": "DRONE", "target": "two cars"}, "type": "STRIKE"},
                 "reason": "the convoy was two cars"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(2);
    }

    @Test
    void aStaleCorrectionIsAConflictNamingTheCurrentVersion() {
        post("/api/v1/incidents/" + id + "/verify", "{\"reason\": \"three sources\"}");

        ResponseEntity<JsonNode> response = post(
                "/api/v1/incidents/" + id + "/amendments",
                "{\"expectedVersion\": 1, \"changes\": {\"summary\": \"Other.\"}, \"reason\": \"typo\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:crisis-timeline:problem:stale-version");
        assertThat(response.getBody().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(2);
    }

    @Test
    void detailsWithoutTheirTypeAreRefused() {
        ResponseEntity<JsonNode> response = post(
                "/api/v1/incidents/" + id + "/amendments",
                "{\"expectedVersion\": 1, \"changes\": {\"details\": {\"crowdEstimate\": 5}}, \"reason\": \"x\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(storedEvents()).isEqualTo(1);
    }

    @Test
    void aCorrectionNeedsAReason() {
        ResponseEntity<JsonNode> response = post(
                "/api/v1/incidents/" + id + "/amendments",
                "{\"expectedVersion\": 1, \"changes\": {\"summary\": \"Other.\"}}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("reason");
    }

    @Test
    void afterARetractionNothingIsAccepted() {
        ResponseEntity<JsonNode> retraction =
                post("/api/v1/incidents/" + id + "/retraction", "{\"expectedVersion\": 1, \"reason\": \"duplicate\"}");
        assertThat(retraction.getBody().get("version").asLong()).isEqualTo(2);

        ResponseEntity<JsonNode> source = post("/api/v1/incidents/" + id + "/sources", """
                {"publisher": "Reuters", "url": "https://example.org/r", "publishedAt": "2020-01-03T01:00:00Z"}""");

        assertThat(source.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(source.getBody().get("type").asText()).isEqualTo("urn:crisis-timeline:problem:no-longer-accepting");
        assertThat(storedEvents()).isEqualTo(2);
    }

    @Test
    void aSourceIsAttachedOnceAndALinkIsMadeOnce() {
        String source = """
                {"publisher": "Reuters", "url": "https://example.org/r", "publishedAt": "2020-01-03T01:00:00Z"}""";
        post("/api/v1/incidents/" + id + "/sources", source);
        assertThat(post("/api/v1/incidents/" + id + "/sources", source)
                        .getBody()
                        .get("version")
                        .asLong())
                .isEqualTo(2);

        String other = "incident-" + UUID.randomUUID();
        post("/api/v1/incidents", TestBodies.droneStrike(other).toString());
        String link = "{\"targetId\": \"%s\", \"relation\": \"RETALIATION_FOR\"}".formatted(other);
        post("/api/v1/incidents/" + id + "/links", link);

        assertThat(post("/api/v1/incidents/" + id + "/links", link)
                        .getBody()
                        .get("version")
                        .asLong())
                .isEqualTo(3);
        assertThat(storedEvents()).isEqualTo(3);
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        ResponseEntity<JsonNode> response =
                post("/api/v1/incidents/no-such-incident/dispute", "{\"reason\": \"doubt\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anActorIdIsNotAnIncident() {
        ResponseEntity<JsonNode> response = post("/api/v1/incidents/united-states/dispute", "{\"reason\": \"doubt\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anIncidentIdIsNotAnActor() {
        ResponseEntity<JsonNode> response = post("/api/v1/actors/" + id + "/aliases", "{\"alias\": \"Someone\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEvents()).isEqualTo(1);
    }

    @Test
    void anIncidentMayNameAnActorByAnAliasAddedLater() {
        post("/api/v1/actors/qassem-soleimani/aliases", "{\"alias\": \"Haj Qassem\"}");
        String byAlias = "incident-" + UUID.randomUUID();
        var body = TestBodies.droneStrike(byAlias);
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("actors").get(1)).put("actorId", "haj qassem");

        assertThat(post("/api/v1/incidents", body.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String payload = jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class,
                byAlias);
        assertThat(payload).contains("\"actorId\":\"qassem-soleimani\"").doesNotContain("haj qassem");
    }

    @Test
    void anActorGetsATitle() {
        ResponseEntity<JsonNode> response = post(
                "/api/v1/actors/qassem-soleimani/titles",
                "{\"title\": \"Commander of the Quds Force\", \"from\": \"1998-01-01\", \"to\": \"2020-01-03\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("version").asLong()).isGreaterThanOrEqualTo(2);
    }

    private ResponseEntity<JsonNode> post(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(EDITOR);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private int storedEvents() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
    }
}

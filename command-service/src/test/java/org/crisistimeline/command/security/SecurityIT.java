package org.crisistimeline.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/** Who may write what, and what the event store remembers of who did. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class SecurityIT {

    private static final String EDITOR = TestTokens.token("ed", "editor");
    private static final String RECORDER = TestTokens.token("rec", "recorder");
    private static final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aCrisisExists() {
        post("/api/v1/crises", EDITOR, """
                {"id": "iran-us-2020", "name": "Iran–US crisis", "countries": ["IR", "IQ", "US", "GB"],
                 "startedOn": "2020-01-03"}""");
    }

    private static String actor(String id) {
        return "{\"id\": \"%s\", \"name\": \"Someone\", \"kind\": \"PERSON\", \"country\": \"GB\"}".formatted(id);
    }

    @Test
    void aWriteWithoutATokenIsUnauthenticated() {
        ResponseEntity<JsonNode> response = post("/api/v1/actors", null, actor(uniqueId()));

        assertUnauthenticated(response);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = TestTokens.token(
                "ed",
                List.of("editor"),
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                        .issueTime(Date.from(Instant.now().minusSeconds(7200))));

        assertUnauthenticated(post("/api/v1/actors", expired, actor(uniqueId())));
    }

    @Test
    void aTokenThatNeverExpiresIsRefused() {
        String forever = TestTokens.token("ed", List.of("editor"), claims -> claims.expirationTime(null));

        assertUnauthenticated(post("/api/v1/actors", forever, actor(uniqueId())));
    }

    @Test
    void rolesOfTheWrongShapeAreRefusedAsAToken() {
        String nested = TestTokens.token("ed", List.of(), claims -> claims.claim("roles", List.of(List.of("admin"))));
        String object = TestTokens.token("ed", List.of(), claims -> claims.claim("roles", java.util.Map.of("a", 1)));

        assertUnauthenticated(post("/api/v1/actors", nested, actor(uniqueId())));
        assertUnauthenticated(post("/api/v1/actors", object, actor(uniqueId())));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String foreign =
                TestTokens.token("ed", List.of("editor"), claims -> claims.issuer("https://elsewhere.example"));

        assertUnauthenticated(post("/api/v1/actors", foreign, actor(uniqueId())));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String other = TestTokens.token("ed", List.of("editor"), claims -> claims.audience("another-service"));

        assertUnauthenticated(post("/api/v1/actors", other, actor(uniqueId())));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertUnauthenticated(post("/api/v1/actors", TestTokens.unsigned("ed", "admin"), actor(uniqueId())));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertUnauthenticated(post("/api/v1/actors", TestTokens.forged("ed", "admin"), actor(uniqueId())));
    }

    @Test
    void aRecorderCannotManageActors() {
        String id = uniqueId();

        ResponseEntity<JsonNode> response = post("/api/v1/actors", RECORDER, actor(id));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:crisis-timeline:problem:forbidden");
        assertThat(storedEvents(id)).isZero();
    }

    @Test
    void aRecorderRecordsAndCorrectsButCannotRetract() {
        String actor = uniqueId();
        post("/api/v1/actors", EDITOR, actor(actor));
        String incident = uniqueId();
        assertThat(post("/api/v1/incidents", RECORDER, statement(incident, actor))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> retraction = post(
                "/api/v1/incidents/" + incident + "/retraction",
                RECORDER,
                "{\"expectedVersion\": 1, \"reason\": \"wrong\"}");

        assertThat(retraction.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(
                                "/api/v1/incidents/" + incident + "/retraction",
                                TestTokens.token("boss", "admin"),
                                "{\"expectedVersion\": 1, \"reason\": \"wrong\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aReaderCannotWrite() {
        String id = uniqueId();

        assertThat(post("/api/v1/incidents", TestTokens.token("r", "reader"), statement(id, "x"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theEventsRememberWhoWroteThemFromWhereInWhichRequestAndWhy() throws Exception {
        String actor = uniqueId();
        post("/api/v1/actors", EDITOR, actor(actor));
        String incident = uniqueId();
        post("/api/v1/incidents", RECORDER, statement(incident, actor));

        ResponseEntity<JsonNode> dispute =
                post("/api/v1/incidents/" + incident + "/dispute", EDITOR, "{\"reason\": \"only one source\"}");

        JsonNode recorded = metadata(incident, 0);
        assertThat(recorded.get("principal").asText()).isEqualTo("rec");
        assertThat(recorded.get("clientAddress").asText()).isEqualTo("127.0.0.1");
        JsonNode disputed = metadata(incident, 1);
        assertThat(disputed.get("principal").asText()).isEqualTo("ed");
        assertThat(disputed.get("reason").asText()).isEqualTo("only one source");
        assertThat(disputed.get("requestId").asText())
                .isEqualTo(dispute.getHeaders().getFirst("X-Request-Id"));
    }

    @Test
    void aClientCannotSetTheAuditTrail() {
        String id = uniqueId();
        String body = actor(id).replace("}", ", \"principal\": \"someone-else\"}");

        ResponseEntity<JsonNode> response = post("/api/v1/actors", EDITOR, body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(storedEvents(id)).isZero();
    }

    @Test
    void healthAndMetricsAreOpenAndOtherOperationsNeedAnAdmin() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("/actuator/info", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/actuator/info", EDITOR).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/actuator/env", TestTokens.token("boss", "admin")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/actuator/heapdump", TestTokens.token("boss", "admin")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static String statement(String id, String speaker) {
        return """
                {"id": "%s", "crisisId": "iran-us-2020", "type": "STATEMENT", "occurredAt": "2020-01-06T00:00:00Z",
                 "occurredPrecision": "DAY", "location": {"country": "GB", "place": "London"},
                 "actors": [{"actorId": "%s", "role": "INITIATOR"}], "summary": "A statement.",
                 "details": {"speakerId": "%s", "quote": "Words.", "channel": "SPEECH", "stance": "NEUTRAL"},
                 "sources": [{"publisher": "Sky News", "url": "https://news.sky.com/x", "publishedAt": "2020-01-07T06:00:00Z"}],
                 "confidence": "HIGH"}""".formatted(id, speaker, speaker);
    }

    private void assertUnauthenticated(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:crisis-timeline:problem:unauthenticated");
    }

    private JsonNode metadata(String aggregateId, int sequence) throws Exception {
        return json.readTree(jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?",
                String.class,
                aggregateId,
                sequence));
    }

    private int storedEvents(String id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
    }

    private ResponseEntity<JsonNode> post(String path, String token, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<String> get(String path, String token) {
        var headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String uniqueId() {
        return "sec-" + UUID.randomUUID();
    }
}

package org.crisistimeline.command.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.crisistimeline.command.TestBodies;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.Topics;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

/** The write path on a real PostgreSQL and a real Kafka broker: HTTP, event store, topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class RecordingIncidentsIT {

    private static final ObjectMapper json = new ObjectMapper();

    private static final String EDITOR = TestTokens.token("test-editor", "editor");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Autowired
    CommandTargetResolver commandTargets;

    @BeforeEach
    void crisisAndActorsExist() {
        post("/api/v1/crises", TestBodies.CRISIS);
        post("/api/v1/actors", TestBodies.UNITED_STATES);
        post("/api/v1/actors", TestBodies.SOLEIMANI);
    }

    @Test
    void theAggregatesFindTheirCommandsTargetThroughTheServicesResolver() {
        // what Axon's aggregate configuration asks for when it builds each aggregate's command handler
        assertThat(axon.getComponent(CommandTargetResolver.class)).isSameAs(commandTargets);
    }

    @Test
    void theServicesConnectionsReuseOneGenericPlanPerStatement() {
        // planned anew on every call, the reference check cost PostgreSQL more than running it (application.yml)
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_generic_plan");
    }

    @Test
    void aRecordedIncidentIsStoredAndPublishedAsACloudEvent() throws Exception {
        String id = uniqueId();

        ResponseEntity<JsonNode> response =
                post("/api/v1/incidents", TestBodies.droneStrike(id).toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().get("id").asText()).isEqualTo(id);
        assertThat(response.getBody().get("version").asLong()).isEqualTo(1);
        assertThat(response.getHeaders().getLocation()).hasToString("http://localhost:8082/api/v1/incidents/" + id);
        assertThat(storedEvents(id)).isEqualTo(1);

        ConsumerRecord<String, byte[]> published = awaitPublished(id);
        Map<String, String> headers = headers(published);
        assertThat(headers)
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", EventType.INCIDENT_RECORDED.cloudEventType())
                .containsEntry("ce_source", "/crisis-timeline/command-service")
                .containsEntry("ce_subject", id)
                .containsEntry("ce_sequence", "0")
                .containsEntry("content-type", "application/json")
                .containsKey("ce_id");
        assertThat(Instant.parse(headers.get("ce_time"))).isBefore(Instant.now().plusSeconds(1));
        JsonNode value = json.readTree(published.value());
        assertThat(value.get("incidentId").asText()).isEqualTo(id);
        assertThat(value.at("/details/casualties/killed/best").asInt()).isEqualTo(10);
        assertThat(value.get("occurredAt").asText()).isEqualTo("2020-01-02T22:00:00Z");
        // the event is serialised once: the topic carries the bytes the store holds
        assertThat(published.value())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?", byte[].class, id));
    }

    @Test
    void aRetryWithTheSameBodyIsAnsweredLikeTheFirstRequestAndStoresNothingMore() {
        String id = uniqueId();
        ResponseEntity<JsonNode> first =
                post("/api/v1/incidents", TestBodies.droneStrike(id).toString());

        ResponseEntity<JsonNode> retry =
                post("/api/v1/incidents", TestBodies.droneStrike(id).toString());

        assertThat(retry.getStatusCode()).isEqualTo(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneIncidentStoreItOnce() throws Exception {
        String id = uniqueId();
        List<Callable<HttpStatus>> retries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retries.add(() -> HttpStatus.valueOf(
                    post("/api/v1/incidents", TestBodies.droneStrike(id).toString())
                            .getStatusCode()
                            .value()));
        }

        List<HttpStatus> statuses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<HttpStatus> status : pool.invokeAll(retries)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(HttpStatus.CREATED);
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void reusingAnIdForADifferentIncidentIsAConflictAndStoresNothing() {
        String id = uniqueId();
        post("/api/v1/incidents", TestBodies.droneStrike(id).toString());
        ObjectNode different = TestBodies.droneStrike(id).put("summary", "Something else entirely.");

        ResponseEntity<JsonNode> response = post("/api/v1/incidents", different.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:crisis-timeline:problem:id-conflict");
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void anIdOfAnActorCannotBeReusedForAnIncident() {
        ResponseEntity<JsonNode> response = post(
                "/api/v1/incidents", TestBodies.droneStrike("united-states").toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).contains("already used by an actor");
        assertThat(storedEvents("united-states")).isEqualTo(1);
    }

    @Test
    void anIdOfAnIncidentCannotBeReusedForAnActorOrACrisis() {
        String id = uniqueId();
        post("/api/v1/incidents", TestBodies.droneStrike(id).toString());

        ResponseEntity<JsonNode> actor = post("/api/v1/actors", TestBodies.UNITED_STATES.replace("united-states", id));
        ResponseEntity<JsonNode> crisis = post("/api/v1/crises", TestBodies.CRISIS.replace("iran-us-2020", id));

        assertThat(actor.getStatusCode()).isEqualTo(crisis.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(actor.getBody().get("detail").asText()).contains("already used by an incident");
        assertThat(crisis.getBody().get("detail").asText()).contains("already used by an incident");
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    static Stream<Arguments> badIncidents() {
        return Stream.of(
                bad("missing summary", body -> body.remove("summary"), "summary"),
                bad("missing details", body -> body.remove("details"), "details"),
                bad("unknown field", body -> body.put("severity", 5), "severity"),
                bad(
                        "unknown nested field",
                        body -> ((ObjectNode) body.get("location")).put("city", "Baghdad"),
                        "location.city"),
                bad("unknown incident type", body -> body.put("type", "EARTHQUAKE"), "type"),
                bad("unknown precision", body -> body.put("occurredPrecision", "FORTNIGHT"), "occurredPrecision"),
                bad(
                        "unknown actor role",
                        body -> ((ObjectNode) body.get("actors").get(1)).put("role", "HERO"),
                        "actors[1].role"),
                bad(
                        "unknown strike method",
                        body -> ((ObjectNode) body.get("details")).put("method", "CATAPULT"),
                        "details.method"),
                bad(
                        "non-ISO country",
                        body -> ((ObjectNode) body.get("location")).put("country", "UK"),
                        "location.country"),
                bad(
                        "lower-case country",
                        body -> ((ObjectNode) body.get("location")).put("country", "iq"),
                        "location.country"),
                bad(
                        "future occurredAt",
                        body -> body.put(
                                "occurredAt", Instant.now().plusSeconds(3600).toString()),
                        "occurredAt"),
                bad("occurredAt without offset", body -> body.put("occurredAt", "2020-01-03T01:00:00"), "occurredAt"),
                bad(
                        "unknown actor",
                        body -> ((ObjectNode) body.get("actors").get(0)).put("actorId", "nobody"),
                        "actors[0].actorId"),
                bad("unknown crisis", body -> body.put("crisisId", "no-such-crisis"), "crisisId"),
                bad(
                        "latitude out of range",
                        body -> ((ObjectNode) body.get("location")).put("lat", 91.0),
                        "location.lat"),
                bad(
                        "longitude out of range",
                        body -> ((ObjectNode) body.get("location")).put("lon", -180.5),
                        "location.lon"),
                bad("negative count", body -> killed(body).put("low", -1), "details.casualties.killed.low"),
                bad("fractional count", body -> killed(body).put("high", 10.5), "details.casualties.killed.high"),
                bad("estimate without low", body -> killed(body).remove("low"), "details.casualties.killed.low"),
                bad("best below low", body -> killed(body).put("best", 9), "details.casualties.killed.best"),
                bad("high below best", body -> killed(body).put("high", 9), "details.casualties.killed.high"),
                bad(
                        "high below low without best",
                        body -> killed(body).put("low", 12).remove("best"),
                        "details.casualties.killed.high"),
                bad(
                        "count instead of estimate",
                        body -> ((ObjectNode) body.at("/details/casualties")).put("killed", 10),
                        "details.casualties.killed"),
                bad("no actors", body -> body.putArray("actors"), "actors"),
                bad("no sources", body -> body.putArray("sources"), "sources"),
                bad(
                        "source url not http",
                        body -> ((ObjectNode) body.get("sources").get(0)).put("url", "javascript:alert(1)"),
                        "sources[0].url"),
                bad("bad id", body -> body.put("id", "has spaces/and slashes"), "id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIncidents")
    void badInputIsRefusedWithProblemDetailsNamingTheFieldAndStoresNothing(
            String name, java.util.function.Consumer<ObjectNode> spoil, String field) {
        String id = uniqueId();
        ObjectNode body = TestBodies.droneStrike(id);
        spoil.accept(body);

        ResponseEntity<JsonNode> response = post("/api/v1/incidents", body.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = response.getBody();
        assertThat(problem.get("type").asText()).isEqualTo("urn:crisis-timeline:problem:invalid-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        assertThat(storedEvents(id)).isZero();
    }

    @Test
    void everyBrokenRuleOfOneRequestIsListed() {
        String id = uniqueId();
        ObjectNode body = TestBodies.droneStrike(id);
        body.remove("summary");
        ((ObjectNode) body.get("location")).put("lat", 100.0).put("country", "XX");
        ((ObjectNode) body.at("/details/casualties"))
                .putObject("injured")
                .put("low", -3)
                .put("high", 2);

        ResponseEntity<JsonNode> response = post("/api/v1/incidents", body.toString());

        assertThat(response.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("details.casualties.injured.low", "location.country", "location.lat", "summary");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        ResponseEntity<JsonNode> response = post("/api/v1/incidents", "{\"id\": ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("message").asText())
                .startsWith("not valid JSON");
    }

    private ResponseEntity<JsonNode> post(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(EDITOR);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private int storedEvents(String aggregateId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, aggregateId);
    }

    private static String uniqueId() {
        return "incident-" + UUID.randomUUID();
    }

    private static ObjectNode killed(ObjectNode body) {
        return (ObjectNode) body.at("/details/casualties/killed");
    }

    @Test
    void aCasualtyEstimateMayLeaveOutTheBestFigure() {
        String id = uniqueId();
        ObjectNode body = TestBodies.droneStrike(id);
        killed(body).remove("best");

        assertThat(post("/api/v1/incidents", body.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private static Arguments bad(String name, java.util.function.Consumer<ObjectNode> spoil, String field) {
        return Arguments.of(name, spoil, field);
    }

    static ConsumerRecord<String, byte[]> awaitPublished(String key) {
        var properties = new Properties();
        properties.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No event with key " + key + " was published within 30 s");
    }

    static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), UTF_8));
        }
        return headers;
    }
}

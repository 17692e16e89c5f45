package org.crisistimeline.command.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.crisistimeline.command.TestBodies;
import org.crisistimeline.testsupport.RawHttp;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * What an attacker or a broken client sends: every answer is a 4xx Problem Details, nothing is stored, and script or
 * SQL in text is stored as inert text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class HostileInputIT {

    private static final String TOKEN = TestTokens.token("hostile-tester", "editor");
    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void crisisAndActorsExist() throws Exception {
        post("/api/v1/crises", TestBodies.CRISIS);
        post("/api/v1/actors", TestBodies.UNITED_STATES);
        post("/api/v1/actors", TestBodies.SOLEIMANI);
    }

    /** A valid incident body as text, with one spot changed by a raw text replacement. */
    static Arguments hostile(String name, String search, String replacement, int status, String field) {
        return Arguments.of(name, search, replacement, status, field);
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                hostile("NUL byte", "\"summary\": \"A US", "\"summary\": \"A\\u0000US", 400, "summary"),
                hostile("escape character", "\"summary\": \"A US", "\"summary\": \"A\\u001bUS", 400, "summary"),
                hostile("lone high surrogate", "\"summary\": \"A US", "\"summary\": \"A\\ud800US", 400, "summary"),
                hostile("lone low surrogate", "\"summary\": \"A US", "\"summary\": \"A\\udc00US", 400, "summary"),
                hostile("bidi override in the id", "\"id\": \"", "\"id\": \"\\u202Eevil-", 400, "id"),
                hostile("duplicate key", "\"type\": \"STRIKE\",", "\"type\": \"STRIKE\", \"type\": \"VOTE\",", 400, ""),
                hostile("date that does not exist", "2020-01-02T22:00:00Z", "2020-02-30T22:00:00Z", 400, "occurredAt"),
                hostile("date without offset", "2020-01-02T22:00:00Z", "2020-01-02T22:00:00", 400, "occurredAt"),
                hostile("year 0", "2020-01-02T22:00:00Z", "0000-01-02T22:00:00Z", 400, "occurredAt"),
                // only ISO-8601 text is a date: a number would be read as seconds since 1970
                hostile("occurredAt as a number", "\"2020-01-02T22:00:00Z\"", "1578002400", 400, "occurredAt"),
                hostile("occurredAt as zero", "\"2020-01-02T22:00:00Z\"", "0", 400, "occurredAt"),
                hostile(
                        "publishedAt as a number",
                        "\"2020-01-07T06:00:00Z\"",
                        "1578376800.5",
                        400,
                        "sources[0].publishedAt"),
                hostile("NaN", "\"lat\": 33.2625", "\"lat\": NaN", 400, ""),
                hostile("Infinity", "\"lat\": 33.2625", "\"lat\": Infinity", 400, ""),
                hostile("number too large for a double", "\"lat\": 33.2625", "\"lat\": 1e400", 400, "location.lat"),
                hostile("NaN as a string", "\"lat\": 33.2625", "\"lat\": \"NaN\"", 400, "location.lat"),
                hostile(
                        "count beyond int",
                        "\"low\": 10",
                        "\"low\": 100000000000000000000",
                        400,
                        "details.casualties.killed.low"),
                hostile("latitude out of range", "\"lat\": 33.2625", "\"lat\": -90.0001", 400, "location.lat"),
                hostile("trailing garbage", "\"confidence\": \"HIGH\"", "\"confidence\": \"HIGH\"} {", 400, ""),
                hostile("array instead of object", "\"location\": {", "\"location\": [{", 400, "location"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void hostileBodiesAreRefusedAndStoreNothing(
            String name, String search, String replacement, int status, String field) throws Exception {
        String id = uniqueId();
        String body = droneStrike(id);
        assertThat(body).contains(search);

        HttpResponse<String> response = post("/api/v1/incidents", body.replace(search, replacement));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        if (!field.isEmpty()) {
            assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
                    .contains(field);
        }
        assertThat(storedEvents(id)).isZero();
        assertThat(storedEvents("\u202Eevil-" + id)).isZero();
    }

    /** Refused by Tomcat or by Spring Security's firewall before a controller runs, without echoing the path. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/incidents/a%2Fb/sources",
                "/api/v1/incidents/a%00b/sources",
                "/api/v1/incidents/%FF/sources",
                "/api/v1/incidents/../actuator/env",
                "/api/v1/incidents/x;jsessionid=1/sources",
            })
    void hostilePathsAreProblemDetails(String path) {
        RawHttp.Answer answer = RawHttp.get(port, path);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).doesNotContain(path);
    }

    @Test
    void anIdOfTenThousandCharactersIsProblemDetails() {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/incidents/" + "x".repeat(10_000) + "/sources");

        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String id = uniqueId();
        String body =
                droneStrike(id).replace("\"summary\": \"A US", "\"summary\": \"" + "x".repeat(2_000_000) + "A US");

        HttpResponse<String> response = post("/api/v1/incidents", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("type").asText())
                .isEqualTo("urn:crisis-timeline:problem:payload-too-large");
        assertThat(storedEvents(id)).isZero();
    }

    @Test
    void anOversizedBodyWithoutALengthIsCutOff() throws Exception {
        String id = uniqueId();
        byte[] body = droneStrike(id)
                .replace("\"summary\": \"A US", "\"summary\": \"" + "x".repeat(2_000_000) + "A US")
                .getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(storedEvents(id)).isZero();
    }

    @Test
    void tooManyActorsAreRefused() throws Exception {
        String id = uniqueId();
        ObjectNode body = (ObjectNode) json.readTree(droneStrike(id));
        var actors = body.putArray("actors");
        for (int i = 0; i < 101; i++) {
            actors.addObject().put("actorId", "united-states").put("role", "TARGET");
        }

        HttpResponse<String> response = post("/api/v1/incidents", body.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
                .contains("actors");
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String id = uniqueId();
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

        HttpResponse<String> response = post(
                "/api/v1/incidents", droneStrike(id).replace("\"details\": {", "\"details\": {\"x\": " + deep + ","));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(storedEvents(id)).isZero();
    }

    @Test
    void anUnknownQueryParameterIsRefused() throws Exception {
        String id = uniqueId();

        HttpResponse<String> response = post("/api/v1/incidents?dryRun=true", droneStrike(id));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
                .containsExactly("dryRun");
        assertThat(storedEvents(id)).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void decomposedAndComposedTextAreTheSameRequest() throws Exception {
        String id = uniqueId();
        String decomposed = droneStrike(id).replace("A US drone strike", "A US drone strike near the Cafe\u0301");
        String composed = droneStrike(id).replace("A US drone strike", "A US drone strike near the Caf\u00e9");

        assertThat(post("/api/v1/incidents", decomposed).statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/incidents", composed).statusCode()).isEqualTo(201);

        assertThat(storedEvents(id)).isEqualTo(1);
        assertThat(storedPayload(id)).contains("Caf\u00e9").doesNotContain("Cafe\u0301");
    }

    @Test
    void scriptAndSqlInTextAreStoredAsInertText() throws Exception {
        String id = uniqueId();
        String payload = "Robert'); DROP TABLE domain_event_entry;-- <script>alert(1)</script>";
        String body = droneStrike(id).replace("A US drone strike", payload.replace("\"", "\\\""));

        assertThat(post("/api/v1/incidents", body).statusCode()).isEqualTo(201);

        assertThat(json.readTree(storedPayload(id)).get("summary").asText()).startsWith(payload);
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    private static String droneStrike(String id) {
        return TestBodies.droneStrike(id).toPrettyString().replace("\" : ", "\": ");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private int storedEvents(String id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
    }

    private String storedPayload(String id) {
        return jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class,
                id);
    }

    private static String uniqueId() {
        return "hostile-" + UUID.randomUUID();
    }
}

package org.crisistimeline.command.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.crisistimeline.command.CommandServiceApplication;
import org.crisistimeline.command.TestBodies;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated hostile bodies for the write API: a valid incident spoiled in one of many ways that each make it invalid.
 * Whatever the spoiling, the answer is a 4xx Problem Details, nothing is stored, and the service stays healthy.
 */
class HostileBodiesPropertyIT {

    private static final String TOKEN = TestTokens.token("property-tester", "editor");
    private static final ObjectMapper escapingJson =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final HttpClient http = HttpClient.newHttpClient();
    /** the codes the service accepts: ISO 3166-1 alpha-2 and Kosovo's XK */
    private static final Set<String> KNOWN_COUNTRIES =
            Stream.concat(Stream.of(Locale.getISOCountries()), Stream.of("XK")).collect(Collectors.toSet());

    private static ConfigurableApplicationContext service;
    private static String baseUrl;
    private static JdbcTemplate jdbc;

    @BeforeContainer
    static void startTheService() throws Exception {
        service = new SpringApplicationBuilder(CommandServiceApplication.class)
                .initializers(new RealInfrastructure())
                .run("--server.port=0");
        baseUrl = "http://localhost:"
                + ((WebServerApplicationContext) service).getWebServer().getPort();
        jdbc = service.getBean(JdbcTemplate.class);
        post("/api/v1/crises", TestBodies.CRISIS);
        post("/api/v1/actors", TestBodies.UNITED_STATES);
        post("/api/v1/actors", TestBodies.SOLEIMANI);
    }

    @AfterContainer
    static void stopTheService() {
        service.close();
    }

    @Property(tries = 300)
    void aSpoiledIncidentIsRefusedAndStoresNothing(@ForAll("spoilings") Consumer<ObjectNode> spoil) throws Exception {
        String id = "prop-" + UUID.randomUUID();
        ObjectNode body = TestBodies.droneStrike(id);
        spoil.accept(body);
        long eventsBefore = storedEvents();

        // escaped, so that a lone surrogate reaches the service as \ud800 rather than as the '?' of a failed encoding
        String text = escapingJson.writeValueAsString(body);
        HttpResponse<String> response = post("/api/v1/incidents", text);

        assertThat(response.statusCode())
                .as("%s answered %s", text, response.body())
                .isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Provide
    Arbitrary<Consumer<ObjectNode>> spoilings() {
        Arbitrary<String> field = Arbitraries.of(
                "id",
                "crisisId",
                "type",
                "occurredAt",
                "occurredPrecision",
                "location",
                "actors",
                "summary",
                "details",
                "sources",
                "confidence");
        Arbitrary<String> hostileText = Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(20).withCharRange('\u0000', '\u0008'),
                Arbitraries.strings()
                        .withChars('\ud800', '\udbff')
                        .ofMinLength(1)
                        .ofMaxLength(3),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> s + "\u0000"));
        Arbitrary<String> unknownName =
                Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(12).map(s -> "x" + s);

        return Arbitraries.oneOf(
                // a required field missing or null
                field.map(name -> body -> body.remove(name)),
                field.map(name -> body -> body.putNull(name)),
                // a field this API does not know, at the top or inside
                unknownName.map(name -> body -> body.put(name, 1)),
                unknownName.map(name -> body -> ((ObjectNode) body.get("location")).put(name, "x")),
                // text that cannot be stored or written as valid UTF-8
                Combinators.combine(Arbitraries.of("summary", "crisisId", "id"), hostileText)
                        .as((name, text) -> body -> body.put(name, text)),
                hostileText.map(text -> body -> ((ObjectNode) body.get("location")).put("place", text)),
                // values of the wrong kind or out of range
                Arbitraries.strings()
                        .alpha()
                        .ofMinLength(1)
                        .ofMaxLength(12)
                        .filter(s -> Stream.of(IncidentType.values())
                                .noneMatch(type -> type.name().equals(s)))
                        .map(type -> body -> body.put("type", type)),
                Arbitraries.strings()
                        .withCharRange('A', 'Z')
                        .ofLength(2)
                        .filter(code -> !KNOWN_COUNTRIES.contains(code))
                        .map(code -> body -> ((ObjectNode) body.get("location")).put("country", code)),
                Arbitraries.doubles()
                        .between(90.01, 1e300)
                        .ofScale(2)
                        .map(lat -> body -> ((ObjectNode) body.get("location")).put("lat", lat)),
                Arbitraries.integers()
                        .lessOrEqual(-1)
                        .map(killed ->
                                body -> ((ObjectNode) body.get("details").get("casualties")).put("killed", killed)),
                Arbitraries.of("NaN", "Infinity", "-1e999", "tomorrow", "2020-13-01T00:00:00Z")
                        .map(time -> body -> body.put("occurredAt", time)),
                // nesting and size
                Arbitraries.integers().between(1, 60).map(depth -> body -> {
                    ArrayNode nested = body.putArray("actors");
                    for (int i = 0; i < depth; i++) {
                        nested = nested.addArray();
                    }
                }),
                Arbitraries.integers().between(101, 300).map(count -> body -> {
                    ArrayNode sources = body.putArray("sources");
                    for (int i = 0; i < count; i++) {
                        sources.add(body.get("location"));
                    }
                }));
    }

    private static long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.unique;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.actor.ActorTitleAssigned;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.LinkRelation;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.events.incident.details.ProtestDetails;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.Events;
import org.crisistimeline.query.QueryServiceApplication;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The read model can be thrown away and rebuilt from the topic: a second instance of the service, on an empty database
 * and in a consumer group of its own, reads the topic from the start and then answers every query about a crisis with
 * the same bytes as the instance that applied the events as they came.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class RebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String REBUILT_DATABASE = "query_service_rebuild";

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    @Test
    void rebuiltReadModelAnswersEveryQueryByteForByteAsBefore() throws Exception {
        String crisisId = unique("crisis");
        String protest = crisisId + "-protest";
        String strike = crisisId + "-strike";
        String organisers = unique("organisers");
        Api api = new Api(rest);

        topic.publish(crisisId, Instant.parse("2020-01-01T00:00:00Z"), Events.crisis(crisisId));
        topic.publish(
                protest,
                0,
                Instant.parse("2020-01-06T09:00:00Z"),
                new IncidentRecorded(
                        protest,
                        crisisId,
                        IncidentType.PROTEST,
                        Instant.parse("2020-01-05T10:00:00Z"),
                        Precision.HOUR,
                        new Location("TV", "Funafuti", -8.52, 179.19),
                        List.of(new IncidentActor(organisers, ActorRole.INITIATOR)),
                        "Crowds gather",
                        new ProtestDetails(1000, "leave"),
                        List.of(new Source(
                                "Sky News", "https://news.sky.com/p", Instant.parse("2020-01-05T12:00:00Z"), null)),
                        Confidence.MEDIUM));
        topic.publish(
                protest,
                1,
                Instant.parse("2020-01-07T09:00:00Z"),
                new IncidentAmended(
                        protest,
                        new IncidentChanges(
                                null,
                                IncidentType.PROTEST,
                                Instant.parse("2020-01-04T10:00:00Z"),
                                null,
                                null,
                                null,
                                null,
                                new ProtestDetails(50000, "leave"),
                                null),
                        "Revised estimate"));
        topic.publish(
                protest,
                2,
                Instant.parse("2020-01-08T09:00:00Z"),
                new SourceAttached(
                        protest,
                        new Source("Reuters", "https://reuters.com/p", Instant.parse("2020-01-04T20:00:00Z"), "x")));
        topic.publish(protest, 3, Instant.parse("2020-01-08T10:00:00Z"), new IncidentDisputed(protest, "Numbers vary"));
        topic.publish(
                strike,
                0,
                Instant.parse("2020-01-06T10:00:00Z"),
                Events.incident(
                        strike,
                        crisisId,
                        IncidentType.STRIKE,
                        "2020-01-05T20:00:00Z",
                        "TV",
                        Events.role(organisers, ActorRole.TARGET)));
        topic.publish(
                strike,
                1,
                Instant.parse("2020-01-08T11:00:00Z"),
                new IncidentLinked(strike, protest, LinkRelation.RETALIATION_FOR));
        topic.publish(strike, 2, Instant.parse("2020-01-09T09:00:00Z"), new IncidentRetracted(strike, "False report"));
        // the actor arrives after the incidents naming it, which puts them on its country's timeline then
        topic.publish(
                organisers,
                0,
                Instant.parse("2020-01-02T00:00:00Z"),
                new ActorRegistered(organisers, "Organisers", ActorKind.ORGANIZATION, "NR", List.of("Org")));
        topic.publish(
                organisers,
                1,
                Instant.parse("2020-01-02T00:00:00Z"),
                new ActorTitleAssigned(organisers, "Committee", java.time.LocalDate.parse("2019-01-01"), null));

        List<String> queries = queries(crisisId, protest, strike, organisers);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(api.get("/api/v1/incidents/" + protest)
                            .body()
                            .path("version")
                            .asInt())
                    .isEqualTo(4);
            assertThat(api.get("/api/v1/incidents/" + strike)
                            .body()
                            .path("version")
                            .asInt())
                    .isEqualTo(3);
            assertThat(api.get("/api/v1/actors/" + organisers).body().path("titles"))
                    .hasSize(1);
            assertThat(api.incidentIds("/api/v1/timelines/countries/NR?includeRetracted=true"))
                    .containsExactly(protest, strike);
        });
        Map<String, String> before = answers(api, queries);

        try (ConfigurableApplicationContext rebuilt = startOnAnEmptyDatabase()) {
            int port = ((ServletWebServerApplicationContext) rebuilt)
                    .getWebServer()
                    .getPort();
            Api rebuiltApi =
                    new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));

            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(
                            () -> assertThat(answers(rebuiltApi, queries)).isEqualTo(before));
        }
    }

    /** Every kind of answer about the crisis: timelines in every view, incidents, histories, links, exports, stats. */
    private static List<String> queries(String crisisId, String protest, String strike, String actorId) {
        String crisis = "/api/v1/timelines/crises/" + crisisId;
        return List.of(
                crisis,
                crisis + "?includeRetracted=true",
                crisis + "?asOf=2020-01-06T12:00:00Z",
                crisis + "?asOf=2020-01-08T09:30:00Z&knownAt=2020-01-05",
                crisis + "?knownAt=2020-01-05T00:00:00Z&includeRetracted=true",
                crisis + "?format=csv&includeRetracted=true",
                crisis + "?format=csv&asOf=2020-01-07",
                crisis + "?format=timelinejs",
                "/api/v1/timelines/countries/TV?includeRetracted=true",
                "/api/v1/timelines/countries/NR?asOf=2020-01-06T12:00:00Z",
                "/api/v1/timelines/actors/" + actorId + "?includeRetracted=true",
                "/api/v1/incidents/" + protest,
                "/api/v1/incidents/" + protest + "?asOf=2020-01-06T12:00:00Z",
                "/api/v1/incidents/" + protest + "?knownAt=2020-01-05",
                "/api/v1/incidents/" + strike,
                "/api/v1/incidents/" + protest + "/history",
                "/api/v1/incidents/" + strike + "/history",
                "/api/v1/incidents/" + protest + "/links",
                "/api/v1/incidents/" + strike + "/links",
                "/api/v1/actors/" + actorId,
                "/api/v1/crises/" + crisisId,
                "/api/v1/crises/" + crisisId + "/stats?includeRetracted=true",
                "/api/v1/crises/" + crisisId + "/stats?asOf=2020-01-07");
    }

    private static Map<String, String> answers(Api api, List<String> queries) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String query : queries) {
            Api.Raw answer = api.raw(query);
            answers.put(query, answer.status() + " " + answer.body());
        }
        return answers;
    }

    private static ConfigurableApplicationContext startOnAnEmptyDatabase() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        try (Connection connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl("postgres"), infrastructure.username(), infrastructure.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + REBUILT_DATABASE + " WITH (FORCE)");
        }
        // as arguments, which win over application.yml (default properties would not)
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + infrastructure.jdbcUrl(REBUILT_DATABASE),
                        "--spring.datasource.username=" + infrastructure.username(),
                        "--spring.datasource.password=" + infrastructure.password(),
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + TestTokens.publicKeyFile().toUri(),
                        // a group of its own starts at the beginning of the topic (auto-offset-reset: earliest)
                        "--spring.kafka.consumer.group-id=rebuild-" + UUID.randomUUID());
    }
}

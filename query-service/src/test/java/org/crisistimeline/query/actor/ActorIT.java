package org.crisistimeline.query.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.actor.ActorTitleAssigned;
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
class ActorIT {

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void actorShowsItsAliasesAndItsTitlesOverTime() throws Exception {
        String raab = unique("raab");
        Instant at = Instant.parse("2020-01-02T00:00:00Z");
        topic.publish(raab, 0, at, new ActorRegistered(raab, "Dominic Raab", ActorKind.PERSON, "GB", List.of("Raab")));
        topic.publish(raab, 1, at, new ActorAliasAdded(raab, "Mr Raab"));
        // an alias known already is not listed twice
        topic.publish(raab, 2, at, new ActorAliasAdded(raab, "Raab"));
        topic.publish(
                raab, 3, at, new ActorTitleAssigned(raab, "Foreign Secretary", LocalDate.parse("2019-07-24"), null));
        topic.publish(
                raab,
                4,
                at,
                new ActorTitleAssigned(
                        raab,
                        "First Secretary of State",
                        LocalDate.parse("2019-07-24"),
                        LocalDate.parse("2021-09-15")));
        // the same title and start again: the term ended
        topic.publish(
                raab,
                5,
                at,
                new ActorTitleAssigned(
                        raab, "Foreign Secretary", LocalDate.parse("2019-07-24"), LocalDate.parse("2021-09-15")));
        topic.publish(
                raab,
                6,
                at,
                new ActorTitleAssigned(raab, "Deputy Prime Minister", LocalDate.parse("2021-09-15"), null));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                api.get("/api/v1/actors/" + raab).body().path("titles"))
                        .hasSize(3));
        assertThat(api.get("/api/v1/actors/" + raab).body())
                .isEqualTo(new ObjectMapper().readTree("""
                {"actorId": "%s", "name": "Dominic Raab", "kind": "PERSON", "country": "GB",
                 "aliases": ["Raab", "Mr Raab"],
                 "titles": [
                   {"title": "First Secretary of State", "from": "2019-07-24", "to": "2021-09-15"},
                   {"title": "Foreign Secretary", "from": "2019-07-24", "to": "2021-09-15"},
                   {"title": "Deputy Prime Minister", "from": "2021-09-15", "to": null}]}
                """.formatted(raab)));
    }

    @Test
    void unknownActorIsNotFound() {
        Api.Response response = api.get("/api/v1/actors/" + unique("nobody"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
    }
}

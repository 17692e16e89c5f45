package org.crisistimeline.query.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ContextConfiguration;

/** Actors and crises are found by name (actors also by another name) and listed in pages in id order. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ListingIT {

    private static final Instant AT = Instant.parse("2020-01-02T00:00:00Z");

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void actorsAreFoundByNameOrAliasInAnyCaseAndPaged() {
        String tag = unique("zq").replace("-", "");
        for (String id : List.of("a", "b", "c")) {
            topic.publish(
                    tag + "-" + id,
                    0,
                    AT,
                    new ActorRegistered(
                            tag + "-" + id, "Minister " + tag + " " + id, ActorKind.PERSON, "GB", List.of()));
        }
        topic.publish(
                tag + "-d",
                0,
                AT,
                new ActorRegistered(tag + "-d", "Someone", ActorKind.PERSON, "IR", List.of("Alias " + tag)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/actors/" + tag + "-d").status() == 200);

        assertThat(ids(api.get("/api/v1/actors?q=" + tag.toUpperCase()).body(), "actorId"))
                .containsExactly(tag + "-a", tag + "-b", tag + "-c", tag + "-d");
        JsonNode first = api.get("/api/v1/actors?limit=3&q=" + tag).body();
        assertThat(ids(first, "actorId")).containsExactly(tag + "-a", tag + "-b", tag + "-c");
        JsonNode second = api.get("/api/v1/actors?limit=3&q=" + tag + "&cursor="
                        + first.get("nextCursor").asText())
                .body();
        assertThat(ids(second, "actorId")).containsExactly(tag + "-d");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        // LIKE's wildcards are text here: they find nothing rather than everything
        assertThat(api.get("/api/v1/actors?q=%" + tag).body().get("items")).isEmpty();
        assertThat(api.get("/api/v1/actors?q=" + tag.substring(0, 3) + "_" + tag.substring(4))
                        .body()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void crisesAreFoundByNameAndAListingRefusesUnknownParameters() {
        String id = unique("crisis");
        topic.publish(
                id,
                0,
                AT,
                new CrisisOpened(id, "Gulf tanker crisis " + id, null, List.of("IR"), LocalDate.parse("2019-05-12")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/crises/" + id).status() == 200);

        assertThat(ids(api.get("/api/v1/crises?q=tanker crisis " + id).body(), "crisisId"))
                .containsExactly(id);
        Api.Response refused = api.get("/api/v1/crises?name=x&limit=0");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().findValuesAsText("field")).containsExactly("name", "limit");
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }
}

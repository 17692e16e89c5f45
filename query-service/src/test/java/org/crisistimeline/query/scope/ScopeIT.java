package org.crisistimeline.query.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.actor;
import static org.crisistimeline.query.Events.crisis;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ScopeIT {

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    @Test
    void searchFindsCrisesAndActorsByNameOrIdAndTheCountriesTheyBelongTo() {
        var api = new Api(rest);
        String raab = unique("raab");
        String crisisId = unique("crisis");
        Instant at = Instant.parse("2020-01-02T00:00:00Z");
        String name = "Foreign Secretary " + unique("name");
        topic.publish(raab, at, actor(raab, name, "GB"));
        topic.publish(crisisId, at, crisis(crisisId));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/actors/" + raab).status() == 200
                        && api.get("/api/v1/crises/" + crisisId).status() == 200);

        assertThat(found(api, raab.substring(0, raab.length() - 2))).contains("actor:" + raab, "country:GB");
        assertThat(found(api, crisisId)).contains("crisis:" + crisisId);
        // the name, in another case
        assertThat(found(api, name.substring(name.length() - 8).toUpperCase())).contains("actor:" + raab);
        assertThat(found(api, "nosuchnameatall")).isEmpty();
        assertThat(api.get("/api/v1/scopes?name=x").errorFields()).containsExactly("name");
    }

    private static List<String> found(Api api, String text) {
        Api.Response response = api.get("/api/v1/scopes?q=" + text);
        assertThat(response.status()).isEqualTo(200);
        List<String> scopes = new ArrayList<>();
        for (JsonNode scope : response.body()) {
            scopes.add(scope.get("scope").asText() + ":" + scope.get("key").asText());
        }
        return scopes;
    }
}

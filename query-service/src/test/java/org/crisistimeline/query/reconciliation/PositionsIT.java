package org.crisistimeline.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisistimeline.query.Events.actor;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.events.EventType;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.projection.ReadModel;
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
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

/** The read model's positions as the reconciliation reads them: applied events, not received ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class PositionsIT {

    private static final Instant RECORDED_AT = Instant.parse("2020-01-09T08:00:00Z");

    @Autowired
    ReadModel readModel;

    @Autowired
    TestRestTemplate http;

    @Test
    void anAggregatesPositionIsTheSequenceOfItsLastAppliedEvent() {
        String actorId = unique("actor");
        readModel.apply(registered(actorId, 3));
        readModel.apply(registered(actorId, 2)); // an older event, as a redelivery, moves nothing

        ResponseEntity<JsonNode> response = positions(TestTokens.token("test-operator", "admin"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode positions = response.getBody().get("positions");
        assertThat(response.getBody().get("aggregates").asInt()).isEqualTo(positions.size());
        List<Long> ofActor = new ArrayList<>();
        positions.forEach(position -> {
            if (position.get("aggregateId").asText().equals(actorId)) {
                ofActor.add(position.get("sequence").asLong());
            }
        });
        assertThat(ofActor).containsExactly(3L);
    }

    @Test
    void onlyAdminsReadThePositions() {
        assertThat(positions(TestTokens.token("test-editor", "editor")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<JsonNode> positions(String token) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange("/api/v1/admin/positions", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private static EventEnvelope registered(String actorId, long sequence) {
        return new EventEnvelope(
                EventType.ACTOR_REGISTERED, actorId, sequence, RECORDED_AT, actor(actorId, "Boris Johnson", "GB"));
    }
}

package org.crisistimeline.command.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crisistimeline.command.system.EventStoreRow;
import org.crisistimeline.events.EventType;
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

/**
 * An event store that holds an IncidentRecorded written as version 1 (the row of the fixture, inserted with SQL as it
 * was stored then): today's aggregate loads it through the upcaster, and the publisher sends it as today's version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class StoredOldVersionsIT {

    private static final EventStoreRow STORED_V1 =
            EventStoreRow.read("/samples/incident-recorded.v1.event-store-row.json");
    private static final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void theV1RowIsInTheEventStore() {
        STORED_V1.insertInto(jdbc);
    }

    @Test
    void recordingTheStoredIncidentAgainInTodaysShapeIsARetry() {
        ResponseEntity<JsonNode> response = post(todaysRequestFor(STORED_V1));

        assertThat(response.getStatusCode())
                .as("the aggregate replayed the v1 event, upcast, and found it equal: %s", response.getBody())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(storedEvents()).isEqualTo(1);
    }

    @Test
    void recordingTheStoredIncidentWithOtherCasualtiesIsAConflict() {
        ObjectNode request = todaysRequestFor(STORED_V1);
        ((ObjectNode) request.at("/details/casualties/killed")).put("high", 12);

        ResponseEntity<JsonNode> response = post(request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(storedEvents()).isEqualTo(1);
    }

    @Test
    void theStoredIncidentIsPublishedInTodaysVersion() throws Exception {
        ConsumerRecord<String, byte[]> published = RecordingIncidentsIT.awaitPublished(STORED_V1.aggregateIdentifier());

        assertThat(RecordingIncidentsIT.headers(published))
                .containsEntry("ce_type", EventType.INCIDENT_RECORDED.cloudEventType())
                .containsEntry("ce_id", STORED_V1.eventIdentifier())
                .containsEntry("ce_time", STORED_V1.timeStamp());
        assertThat(json.readTree(published.value()).at("/details/casualties/killed"))
                .isEqualTo(json.readTree("{\"low\": 10, \"best\": 10, \"high\": 10}"));
    }

    /** The v1 payload as a request of today's API: with an id, and the casualty count as an estimate. */
    private static ObjectNode todaysRequestFor(EventStoreRow row) {
        ObjectNode request = row.payload().deepCopy();
        request.set("id", request.remove("incidentId"));
        ObjectNode casualties = (ObjectNode) request.at("/details/casualties");
        int killed = casualties.get("killed").asInt();
        casualties.putObject("killed").put("low", killed).put("best", killed).put("high", killed);
        return request;
    }

    private ResponseEntity<JsonNode> post(ObjectNode body) {
        // an existing incident compares the request with what it recorded; the crisis and actors it names are only
        // checked for a new one
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.token("test-recorder", "recorder"));
        return http.postForEntity("/api/v1/incidents", new HttpEntity<>(body.toString(), headers), JsonNode.class);
    }

    private int storedEvents() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class,
                STORED_V1.aggregateIdentifier());
    }
}

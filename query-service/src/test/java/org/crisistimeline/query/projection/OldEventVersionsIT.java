package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.Events;
import org.crisistimeline.query.KafkaRecordFixture;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;

/** Events of older versions, on the topic and already in the read model, are shown in today's shape. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class OldEventVersionsIT {

    private static final String ESTIMATE_OF_TEN = "{\"low\": 10, \"best\": 10, \"high\": 10}";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aV1RecordOnTheTopicIsOnTheTimelineWithItsCasualtiesAsAnEstimate() throws Exception {
        KafkaRecordFixture v1 = KafkaRecordFixture.read("/samples/incident-recorded.v1.kafka-record.json");
        String incidentId = v1.key();

        new TopicPublisher().send(v1.toProducerRecord());

        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/incidents/" + incidentId).status() == 200);
        JsonNode incident = api.get("/api/v1/incidents/" + incidentId).body();
        assertThat(incident.at("/details/casualties/killed")).isEqualTo(json.readTree(ESTIMATE_OF_TEN));
        assertThat(incident.get("recordedAt").asText()).isEqualTo("2020-01-08T10:15:30.123Z");
        assertThat(api.incidentIds("/api/v1/timelines/crises/iran-us-2020"
                        + "?from=2020-01-02T22:00:00Z&to=2020-01-02T22:00:01Z&type=STRIKE"))
                .contains(incidentId);
    }

    @Test
    void incidentsAppliedFromV1EventsAreMigratedToEstimates() throws Exception {
        // a read model as it stood before v2: migrated up to V1, holding an incident applied from a v1 event
        TestInfrastructure infrastructure = TestInfrastructure.get();
        var oldReadModel = new DriverManagerDataSource(
                infrastructure.jdbcUrl("read_model_before_v2_" + Long.toHexString(System.nanoTime())),
                infrastructure.username(),
                infrastructure.password());
        Flyway.configure().dataSource(oldReadModel).target("1").load().migrate();
        String incidentId = Events.unique("applied-as-v1");
        new JdbcTemplate(oldReadModel)
                .update(
                        """
                        INSERT INTO incident (incident_id, crisis_id, type, occurred_at, occurred_precision, country,
                                              summary, details, recorded_at, updated_at, version)
                        VALUES (?, 'iran-us-2020', 'STRIKE', '2020-01-04T20:00:00Z', 'DAY', 'IQ', 'Rockets',
                                CAST(? AS jsonb), '2020-01-05T00:00:00Z', '2020-01-05T00:00:00Z', 1)
                        """,
                        incidentId,
                        "{\"method\": \"ROCKET\", \"target\": \"Balad air base\", \"casualties\": {\"killed\": 10}}");

        Flyway.configure().dataSource(oldReadModel).load().migrate();

        String details = new JdbcTemplate(oldReadModel)
                .queryForObject(
                        "SELECT details::text FROM incident_version WHERE incident_id = ?", String.class, incidentId);
        assertThat(json.readTree(details).at("/casualties"))
                .isEqualTo(json.readTree("{\"killed\": " + ESTIMATE_OF_TEN + "}"));
    }
}

package org.crisistimeline.query.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.events.incident.LinkRelation;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.events.incident.details.ProtestDetails;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.Events;
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
class IncidentHistoryIT {

    private final TopicPublisher topic = new TopicPublisher();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private TestRestTemplate rest;

    private Api api;
    private String protest;
    private String statement;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        String crisisId = unique("crisis");
        protest = crisisId + "-protest";
        statement = crisisId + "-statement";
        topic.publish(
                statement,
                Instant.parse("2020-01-05T08:00:00Z"),
                Events.incident(statement, crisisId, IncidentType.STATEMENT, "2020-01-05T07:00:00Z", "IQ"));
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
                        new Location("IQ", "Tahrir Square", 33.33, 44.40),
                        List.of(new IncidentActor("organisers", ActorRole.INITIATOR)),
                        "Crowds call for US troops to leave",
                        new ProtestDetails(1000, "expel US troops"),
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
                                // details travel with their type
                                IncidentType.PROTEST,
                                null,
                                null,
                                null,
                                null,
                                "Tens of thousands call for US troops to leave",
                                new ProtestDetails(50000, "expel US troops"),
                                null),
                        "Revised crowd estimate"),
                "editor-ann");
        topic.publish(
                protest,
                2,
                Instant.parse("2020-01-08T09:00:00Z"),
                new SourceAttached(
                        protest,
                        new Source("Reuters", "https://reuters.com/p", Instant.parse("2020-01-05T11:00:00Z"), null)));
        topic.publish(protest, 3, Instant.parse("2020-01-08T10:00:00Z"), new IncidentDisputed(protest, "Numbers vary"));
        topic.publish(
                protest, 4, Instant.parse("2020-01-08T11:00:00Z"), new IncidentVerified(protest, "Aerial photos"));
        topic.publish(
                protest,
                5,
                Instant.parse("2020-01-08T12:00:00Z"),
                new IncidentLinked(protest, statement, LinkRelation.RESPONDS_TO));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.get("/api/v1/incidents/" + protest + "/history")
                                .body()
                                .path("versions"))
                        .hasSize(6));
    }

    @Test
    void historyListsEveryVersionWithWhatChangedWhenAndWhy() throws Exception {
        JsonNode versions =
                api.get("/api/v1/incidents/" + protest + "/history").body().get("versions");

        assertThat(versions.findValuesAsText("kind"))
                .containsExactly("RECORDED", "AMENDED", "SOURCE_ATTACHED", "DISPUTED", "VERIFIED", "LINKED");
        assertThat(versions.findValuesAsText("recordedAt"))
                .containsExactly(
                        "2020-01-06T09:00:00Z",
                        "2020-01-07T09:00:00Z",
                        "2020-01-08T09:00:00Z",
                        "2020-01-08T10:00:00Z",
                        "2020-01-08T11:00:00Z",
                        "2020-01-08T12:00:00Z");
        // who: the principal the event carries, none for events that carry none
        assertThat(versions.get(1).get("recordedBy").asText()).isEqualTo("editor-ann");
        assertThat(versions.get(0).get("recordedBy").isNull()).isTrue();

        JsonNode recorded = versions.get(0);
        assertThat(recorded.get("version").asInt()).isEqualTo(1);
        assertThat(recorded.get("reason").isNull()).isTrue();
        assertThat(recorded.get("changes").findValuesAsText("field"))
                .containsExactly(
                        "crisisId",
                        "type",
                        "occurredAt",
                        "occurredPrecision",
                        "location",
                        "actors[0]",
                        "summary",
                        "details",
                        "confidence",
                        "status",
                        "sources[0]",
                        "reportedAt");
        recorded.get("changes")
                .forEach(change -> assertThat(change.get("from").isNull()).isTrue());

        assertThat(versions.get(1).get("reason").asText()).isEqualTo("Revised crowd estimate");
        assertThat(versions.get(1).get("changes")).isEqualTo(json.readTree("""
                [{"field": "summary", "from": "Crowds call for US troops to leave",
                  "to": "Tens of thousands call for US troops to leave"},
                 {"field": "details.crowdEstimate", "from": 1000, "to": 50000}]
                """));
        assertThat(versions.get(2).get("changes")).isEqualTo(json.readTree("""
                [{"field": "sources[1]", "from": null,
                  "to": {"publisher": "Reuters", "url": "https://reuters.com/p",
                         "publishedAt": "2020-01-05T11:00:00Z"}},
                 {"field": "reportedAt", "from": "2020-01-05T12:00:00Z", "to": "2020-01-05T11:00:00Z"}]
                """));
        assertThat(versions.get(3).get("reason").asText()).isEqualTo("Numbers vary");
        assertThat(versions.get(3).get("changes")).isEqualTo(json.readTree("""
                [{"field": "status", "from": "RECORDED", "to": "DISPUTED"}]
                """));
        assertThat(versions.get(4).get("changes")).isEqualTo(json.readTree("""
                [{"field": "status", "from": "DISPUTED", "to": "VERIFIED"}]
                """));
        assertThat(versions.get(5).get("changes")).isEqualTo(json.readTree("""
                [{"field": "links[0]", "from": null, "to": {"relation": "RESPONDS_TO", "incidentId": "%s"}}]
                """.formatted(statement)));
    }

    @Test
    void incidentShowsItsStatusNowAndAsOfEarlier() {
        assertThat(api.get("/api/v1/incidents/" + protest).body().get("status").asText())
                .isEqualTo("VERIFIED");
        assertThat(api.get("/api/v1/incidents/" + protest + "?asOf=2020-01-08T10:30:00Z")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("DISPUTED");
        assertThat(api.get("/api/v1/incidents/" + protest + "?asOf=2020-01-08T10:30:00Z")
                        .body()
                        .get("version")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void linkIsShownFromBothIncidentsWithTheInverseWordingOnTheTarget() throws Exception {
        assertThat(api.get("/api/v1/incidents/" + protest + "/links").body())
                .isEqualTo(json.readTree("""
                {"incidentId": "%s", "links": [{"relation": "RESPONDS_TO", "incidentId": "%s",
                                                 "direction": "outgoing", "linkedAt": "2020-01-08T12:00:00Z"}]}
                """.formatted(protest, statement)));
        assertThat(api.get("/api/v1/incidents/" + statement + "/links").body())
                .isEqualTo(json.readTree("""
                {"incidentId": "%s", "links": [{"relation": "RESPONDED_TO_BY", "incidentId": "%s",
                                                 "direction": "incoming", "linkedAt": "2020-01-08T12:00:00Z"}]}
                """.formatted(statement, protest)));
        // before the link was recorded
        assertThat(api.get("/api/v1/incidents/" + statement + "/links?asOf=2020-01-08")
                        .body()
                        .get("links"))
                .isEmpty();
    }

    @Test
    void historyAndLinksOfAnUnknownIncidentAreNotFound() {
        assertThat(api.get("/api/v1/incidents/" + unique("never") + "/history").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/incidents/" + unique("never") + "/links").status())
                .isEqualTo(404);
    }
}

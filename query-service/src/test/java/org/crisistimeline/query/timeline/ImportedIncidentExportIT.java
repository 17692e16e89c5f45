package org.crisistimeline.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Origin;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.BattleDetails;
import org.crisistimeline.events.incident.details.StrikeDetails;
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

/**
 * Incidents as the import records them (IncidentRecorded v3), filtered by data set and code and exported: CSV under
 * ACLED's and UCDP's names, NDJSON that reads back as the very events, GeoJSON of the located ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ImportedIncidentExportIT {

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    private Api api;
    private String crisisId;
    private IncidentRecorded acled;
    private IncidentRecorded ucdp;
    private IncidentRecorded gdelt;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        crisisId = unique("imported");
        String militia = unique("acled-actor");
        Instant recorded = Instant.parse("2026-12-01T10:00:00Z");
        topic.publish(crisisId, recorded, Events.crisis(crisisId));
        topic.publish(
                militia,
                recorded,
                new ActorRegistered(militia, "Militia (Iraq)", ActorKind.ARMED_GROUP, "IQ", List.of()));
        acled = new IncidentRecorded(
                crisisId + "-acled",
                crisisId,
                IncidentType.BATTLE,
                null,
                Precision.DAY,
                LocalDate.parse("2020-01-03"),
                null,
                new Location("IQ", "Baghdad", 33.34, 44.4, "Baghdad", "Karkh", null, "1"),
                List.of(new IncidentActor(militia, ActorRole.INITIATOR)),
                "harmless;=cmd|' /C calc'!A0",
                new BattleDetails(new StrikeDetails.Estimate(2, 2, 2)),
                List.of(new Source("Shafaq News", null, null, null)),
                Confidence.MEDIUM,
                new Origin(
                        "ACLED",
                        "2024-06-10",
                        "IRQ12345",
                        Map.of("event_type", "Battles", "sub_event_type", "Armed clash", "iso", "368"),
                        "1718000000"));
        ucdp = new IncidentRecorded(
                crisisId + "-ucdp",
                crisisId,
                IncidentType.BATTLE,
                null,
                Precision.WEEK,
                LocalDate.parse("2020-01-04"),
                LocalDate.parse("2020-01-06"),
                new Location("IQ", "Mosul", 36.34, 43.13, "Nineveh", null, null, "2"),
                List.of(),
                "Clashes near Mosul",
                new BattleDetails(new StrikeDetails.Estimate(3, 5, 12)),
                List.of(),
                Confidence.MEDIUM,
                new Origin("UCDP GED", "20.1", "145137", Map.of("type_of_violence", "1"), null));
        gdelt = new IncidentRecorded(
                crisisId + "-gdelt",
                crisisId,
                IncidentType.DIPLOMACY,
                null,
                Precision.DAY,
                LocalDate.parse("2020-01-05"),
                null,
                null,
                List.of(),
                "Consultation",
                null,
                List.of(),
                Confidence.LOW,
                new Origin("GDELT", "2.0", "900001", Map.of("EventCode", "040"), null));
        for (IncidentRecorded incident : List.of(acled, ucdp, gdelt)) {
            topic.publish(incident.incidentId(), recorded, incident);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.incidentIds(timeline()).size() == 3);
    }

    @Test
    void incidentViewShowsTheOriginDatesAndAdminAreasVerbatim() {
        JsonNode incident = api.get("/api/v1/incidents/" + ucdp.incidentId()).body();
        assertThat(incident.at("/occurredOn").asText()).isEqualTo("2020-01-04");
        assertThat(incident.at("/occurredUntil").asText()).isEqualTo("2020-01-06");
        assertThat(incident.at("/location/admin1").asText()).isEqualTo("Nineveh");
        assertThat(incident.at("/location/precision").asText()).isEqualTo("2");
        assertThat(incident.at("/origin/dataset").asText()).isEqualTo("UCDP GED");
        assertThat(incident.at("/origin/rowId").asText()).isEqualTo("145137");
        assertThat(incident.at("/origin/codes/type_of_violence").asText()).isEqualTo("1");
        // no dated source: known from when it was recorded
        assertThat(incident.at("/reportedAt").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(api.get("/api/v1/incidents/" + gdelt.incidentId()).body().has("location"))
                .isTrue();
        assertThat(api.get("/api/v1/incidents/" + gdelt.incidentId())
                        .body()
                        .get("location")
                        .isNull())
                .isTrue();
    }

    @Test
    void timelinesFilterByDatasetAndOriginalCodesAndAnUnlocatedIncidentIsOnNoCountry() {
        assertThat(api.incidentIds(timeline() + "?dataset=ACLED")).containsExactly(acled.incidentId());
        assertThat(api.incidentIds(timeline() + "?code=EventCode:040")).containsExactly(gdelt.incidentId());
        assertThat(api.incidentIds(timeline() + "?code=EventCode:40")).isEmpty();
        assertThat(api.incidentIds(timeline() + "?dataset=ACLED&code=event_type:Battles&code=iso:368"))
                .containsExactly(acled.incidentId());
        assertThat(api.get(timeline() + "?code=Battles").errorFields()).containsExactly("code");
        assertThat(api.incidentIds("/api/v1/timelines/countries/IQ?dataset=GDELT&code=EventCode:040"))
                .isEmpty();
    }

    @Test
    void csvHasAcledAndUcdpColumnsTheOriginalIdsAndCodesAndLocalDates() throws IOException {
        String body = api.raw(timeline() + "?format=csv&bom=true").body();
        assertThat(body).startsWith("\uFEFFevent_id_cnty,");
        List<CSVRecord> rows = parse(body.substring(1));
        assertThat(rows)
                .extracting(row -> row.get("event_id_cnty"))
                .containsExactly(acled.incidentId(), ucdp.incidentId(), gdelt.incidentId());
        CSVRecord first = rows.get(0);
        assertThat(first.get("dataset")).isEqualTo("ACLED");
        assertThat(first.get("release")).isEqualTo("2024-06-10");
        assertThat(first.get("row_id")).isEqualTo("IRQ12345");
        assertThat(first.get("revision")).isEqualTo("1718000000");
        assertThat(first.get("event_date")).isEqualTo("2020-01-03");
        assertThat(first.get("year")).isEqualTo("2020");
        assertThat(first.get("event_type")).isEqualTo("Battles");
        assertThat(first.get("sub_event_type")).isEqualTo("Armed clash");
        assertThat(first.get("incident_type")).isEqualTo("BATTLE");
        assertThat(first.get("actor1")).isEqualTo("Militia (Iraq)");
        assertThat(first.get("iso")).isEqualTo("IQ");
        assertThat(first.get("country")).isEqualTo("Iraq");
        assertThat(first.get("admin1")).isEqualTo("Baghdad");
        assertThat(first.get("admin2")).isEqualTo("Karkh");
        assertThat(first.get("geo_precision")).isEqualTo("1");
        assertThat(first.get("fatalities")).isEqualTo("2");
        assertThat(first.get("source")).isEqualTo("Shafaq News");
        assertThat(first.get("source_url")).isEmpty();
        assertThat(new ObjectMapper().readTree(first.get("codes")))
                .isEqualTo(new ObjectMapper().valueToTree(acled.origin().codes()));
        // quoted whole, so no spreadsheet splits a formula out of it
        assertThat(body).contains(",\"harmless;=cmd|' /C calc'!A0\",");
        CSVRecord range = rows.get(1);
        assertThat(List.of(range.get("date_start"), range.get("date_end"), range.get("time_precision")))
                .containsExactly("2020-01-04", "2020-01-06", "WEEK");
        assertThat(List.of(range.get("low"), range.get("best"), range.get("high"), range.get("type_of_violence")))
                .containsExactly("3", "5", "12", "1");
        CSVRecord unlocated = rows.get(2);
        assertThat(List.of(unlocated.get("iso"), unlocated.get("country"), unlocated.get("latitude")))
                .containsExactly("", "", "");
    }

    @Test
    void ndjsonIsTheImportFormatAndReadsBackAsTheRecordedEvents() throws IOException {
        Api.Raw response = api.raw(timeline() + "?format=ndjson");
        assertThat(response.headers().getContentType().toString()).isEqualTo("application/x-ndjson");
        // read as command-service's NdjsonLines reads it: one key per line, "id" for the kind's id, unknown fields
        // refused
        ObjectMapper json = EventJson.newMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<String> kinds = new ArrayList<>();
        List<IncidentRecorded> incidents = new ArrayList<>();
        for (String line : response.body().lines().toList()) {
            JsonNode node = json.readTree(line);
            assertThat(node.size()).isEqualTo(1);
            String kind = node.fieldNames().next();
            kinds.add(kind);
            ObjectNode body = (ObjectNode) node.get(kind);
            body.set(kind + "Id", body.remove("id"));
            if (kind.equals("incident")) {
                incidents.add(json.treeToValue(body, IncidentRecorded.class));
            } else if (kind.equals("actor")) {
                json.treeToValue(body, ActorRegistered.class);
            } else {
                json.treeToValue(body, org.crisistimeline.events.crisis.CrisisOpened.class);
            }
        }
        assertThat(kinds).containsExactly("crisis", "actor", "incident", "incident", "incident");
        assertThat(incidents).containsExactly(acled, ucdp, gdelt);
    }

    @Test
    void geoJsonIsAFeatureCollectionOfTheLocatedIncidents() throws IOException {
        Api.Raw response = api.raw(timeline() + "?format=geojson");
        JsonNode collection = new ObjectMapper().readTree(response.body());
        assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features").findValuesAsText("id"))
                .containsExactly(acled.incidentId(), ucdp.incidentId());
        JsonNode first = collection.get("features").get(0);
        assertThat(first.at("/geometry/type").asText()).isEqualTo("Point");
        assertThat(first.at("/geometry/coordinates/0").asDouble()).isEqualTo(44.4);
        assertThat(first.at("/geometry/coordinates/1").asDouble()).isEqualTo(33.34);
        assertThat(first.at("/properties/origin/rowId").asText()).isEqualTo("IRQ12345");
        assertThat(first.at("/properties/occurredOn").asText()).isEqualTo("2020-01-03");
    }

    @Test
    void timelineJsShowsARangeToItsLastDayAndIncidentsWithoutLocationOrUrl() throws IOException {
        JsonNode events = new ObjectMapper()
                .readTree(api.raw(timeline() + "?format=timelinejs").body())
                .get("events");
        assertThat(events.findValuesAsText("unique_id"))
                .containsExactly(acled.incidentId(), ucdp.incidentId(), gdelt.incidentId());
        assertThat(events.get(1).at("/end_date/day").asText()).isEqualTo("6");
        assertThat(events.get(0).at("/text/text").asText()).contains("Sources: Shafaq News");
        assertThat(events.get(2).at("/text/text").asText()).isEqualTo("<p>Consultation</p><p></p>");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private String timeline() {
        return "/api/v1/timelines/crises/" + crisisId;
    }
}

package org.crisistimeline.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

/**
 * Exports read back the way their users read them: CSV parsed as RFC 4180 (commons-csv), TimelineJS JSON as the
 * library reads it. The tests run with an export limit of 5 incidents, read 2 at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class TimelineExportIT {

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    private Api api;
    private String crisisId;
    private String strike;
    private String vote;
    private String statement;
    private String staffing;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        crisisId = unique("crisis");
        strike = crisisId + "-strike";
        vote = crisisId + "-vote";
        statement = crisisId + "-statement";
        staffing = crisisId + "-staffing";
        String us = unique("us");
        String soleimani = unique("soleimani");
        Instant early = Instant.parse("2020-01-01T00:00:00Z");
        topic.publish(crisisId, early, Events.crisis(crisisId));
        topic.publish(us, early, new ActorRegistered(us, "United States", ActorKind.STATE, "US", List.of()));
        topic.publish(
                soleimani,
                early,
                new ActorRegistered(soleimani, "Qassem Soleimani", ActorKind.PERSON, "IR", List.of()));

        topic.publish(
                strike,
                Instant.parse("2020-01-03T06:00:00Z"),
                new IncidentRecorded(
                        strike,
                        crisisId,
                        IncidentType.STRIKE,
                        Instant.parse("2020-01-03T00:32:00Z"),
                        Precision.MINUTE,
                        new Location("IQ", "Baghdad International Airport", 33.2625, 44.2346),
                        List.of(
                                new IncidentActor(us, ActorRole.INITIATOR),
                                new IncidentActor(soleimani, ActorRole.VICTIM)),
                        "US drone strike kills Qassem Soleimani",
                        new StrikeDetails(
                                StrikeDetails.Method.DRONE,
                                "convoy",
                                new StrikeDetails.Casualties(new StrikeDetails.Estimate(10, 10, 10), null)),
                        List.of(
                                new Source(
                                        "Reuters",
                                        "https://reuters.com/a",
                                        Instant.parse("2020-01-03T01:10:00Z"),
                                        null),
                                new Source(
                                        "Sky News",
                                        "https://news.sky.com/a",
                                        Instant.parse("2020-01-03T02:00:00Z"),
                                        null)),
                        Confidence.HIGH));
        topic.publish(
                vote,
                Instant.parse("2020-01-05T18:00:00Z"),
                incident(
                        vote,
                        IncidentType.VOTE,
                        "2020-01-05T00:00:00Z",
                        Precision.DAY,
                        new Location("IQ", "Baghdad, \"Green Zone\"\nparliament", 33.30, 44.39),
                        "=HYPERLINK(\"http://evil.example\",\"click\")",
                        "2020-01-05T15:00:00Z",
                        us));
        topic.publish(
                statement,
                Instant.parse("2020-01-06T12:00:00Z"),
                incident(
                        statement,
                        IncidentType.STATEMENT,
                        "2020-01-06T09:00:00Z",
                        Precision.HOUR,
                        new Location("GB", "London", 51.5072, -0.1276),
                        "-10 points <script>alert(1)</script>",
                        "2020-01-06T10:00:00Z",
                        us));
        topic.publish(
                staffing,
                0,
                Instant.parse("2020-01-07T12:00:00Z"),
                incident(
                        staffing,
                        IncidentType.STAFFING_CHANGE,
                        "2020-01-01T00:00:00Z",
                        Precision.MONTH,
                        new Location("IR", null, null, null),
                        "@staff reduced",
                        "2020-01-07T10:00:00Z",
                        us));
        topic.publish(staffing, 1, Instant.parse("2020-01-08T12:00:00Z"), new IncidentRetracted(staffing, "Duplicate"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api.incidentIds(timeline() + "?includeRetracted=true")).hasSize(4);
            assertThat(api.get("/api/v1/incidents/" + staffing)
                            .body()
                            .get("status")
                            .asText())
                    .isEqualTo("RETRACTED");
            assertThat(api.get("/api/v1/incidents/" + strike)
                            .body()
                            .at("/actors/1/name")
                            .asText())
                    .isEqualTo("Qassem Soleimani");
        });
    }

    @Test
    void csvHasOneRowPerIncidentWithAcledLikeColumns() throws IOException {
        Api.Raw response = api.raw(timeline() + "?format=csv");

        assertThat(response.status()).isEqualTo(200);
        MediaType contentType = response.headers().getContentType();
        assertThat(contentType.isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(contentType.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(response.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"timeline-crisis-" + crisisId + ".csv\"");
        assertThat(response.body())
                .startsWith("event_id_cnty,dataset,release,row_id,revision,event_date,")
                .contains("\r\n");

        List<CSVRecord> rows = parse(response.body());
        assertThat(rows).extracting(row -> row.get("event_id_cnty")).containsExactly(strike, vote, statement);

        CSVRecord first = rows.get(0);
        assertThat(first.get("crisis_id")).isEqualTo(crisisId);
        assertThat(first.get("event_date")).isEqualTo("2020-01-03");
        assertThat(first.get("occurred_at")).isEqualTo("2020-01-03T00:32:00Z");
        assertThat(first.get("time_precision")).isEqualTo("MINUTE");
        assertThat(first.get("event_type")).isEqualTo("STRIKE");
        assertThat(first.get("incident_type")).isEqualTo("STRIKE");
        assertThat(first.get("sub_event_type")).isEqualTo("DRONE");
        assertThat(first.get("actor1")).isEqualTo("United States");
        assertThat(first.get("actor2")).isEqualTo("Qassem Soleimani");
        assertThat(first.get("actors")).isEqualTo("United States (INITIATOR); Qassem Soleimani (VICTIM)");
        assertThat(first.get("iso")).isEqualTo("IQ");
        assertThat(first.get("country")).isEqualTo("Iraq");
        assertThat(first.get("location")).isEqualTo("Baghdad International Airport");
        assertThat(first.get("latitude")).isEqualTo("33.2625");
        assertThat(first.get("longitude")).isEqualTo("44.2346");
        assertThat(first.get("fatalities")).isEqualTo("10");
        assertThat(first.get("notes")).isEqualTo("US drone strike kills Qassem Soleimani");
        assertThat(first.get("source")).isEqualTo("Reuters; Sky News");
        assertThat(first.get("source_url")).isEqualTo("https://reuters.com/a; https://news.sky.com/a");
        assertThat(first.get("confidence")).isEqualTo("HIGH");
        assertThat(first.get("status")).isEqualTo("RECORDED");
        assertThat(first.get("version")).isEqualTo("1");
        assertThat(first.get("reported_at")).isEqualTo("2020-01-03T01:10:00Z");
        assertThat(first.get("recorded_at")).isEqualTo("2020-01-03T06:00:00Z");

        // quotes, commas and line breaks survive the round trip
        assertThat(rows.get(1).get("location")).isEqualTo("Baghdad, \"Green Zone\"\nparliament");
        assertThat(rows.get(1).get("sub_event_type")).isEqualTo("PASSED");
        assertThat(rows.get(1).get("event_date")).isEqualTo("2020-01-05");
        assertThat(rows.get(1).get("time_precision")).isEqualTo("DAY");
    }

    /**
     * The demo's strike, known to the hour: 22:00 UTC on 2 January is 01:00 on 3 January in Baghdad, and the date where
     * it happened is the one a researcher expects in {@code event_date} (docs/exports.md). Without occurredOn, an hour
     * keeps its UTC date, which is all there is to go by.
     */
    @Test
    void csvPutsAnIncidentOnTheLocalDateItsOccurredOnGivesThoughItsUtcDateIsTheDayBefore() throws IOException {
        String crisis = unique("local-dates");
        Instant recorded = Instant.parse("2020-01-03T06:00:00Z");
        topic.publish(crisis, recorded, Events.crisis(crisis));
        IncidentRecorded strike = new IncidentRecorded(
                crisis + "-strike",
                crisis,
                IncidentType.STRIKE,
                Instant.parse("2020-01-02T22:00:00Z"),
                Precision.HOUR,
                LocalDate.parse("2020-01-03"),
                null,
                new Location("IQ", "Baghdad International Airport", 33.2625, 44.2346),
                List.of(),
                "US drone strike at Baghdad airport",
                new StrikeDetails(StrikeDetails.Method.DRONE, "convoy", null),
                List.of(),
                Confidence.HIGH,
                null);
        IncidentRecorded dayInBaghdad = new IncidentRecorded(
                crisis + "-day",
                crisis,
                IncidentType.STRIKE,
                Instant.parse("2020-01-02T21:00:00Z"),
                Precision.DAY,
                LocalDate.parse("2020-01-03"),
                null,
                new Location("IQ", "Baghdad", 33.3, 44.4),
                List.of(),
                "Rockets on the Green Zone, the day known",
                new StrikeDetails(StrikeDetails.Method.ROCKET, "Green Zone", null),
                List.of(),
                Confidence.MEDIUM,
                null);
        IncidentRecorded utcOnly = new IncidentRecorded(
                crisis + "-utc",
                crisis,
                IncidentType.STRIKE,
                Instant.parse("2020-01-02T23:00:00Z"),
                Precision.HOUR,
                null,
                null,
                new Location("IQ", "Baghdad", 33.3, 44.4),
                List.of(),
                "A strike known to the hour, no local date given",
                new StrikeDetails(StrikeDetails.Method.DRONE, "a car", null),
                List.of(),
                Confidence.LOW,
                null);
        for (IncidentRecorded incident : List.of(strike, dayInBaghdad, utcOnly)) {
            topic.publish(incident.incidentId(), recorded, incident);
        }
        String timeline = "/api/v1/timelines/crises/" + crisis;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.incidentIds(timeline).size() == 3);

        List<CSVRecord> rows = parse(api.raw(timeline + "?format=csv").body());

        assertThat(rows)
                .extracting(
                        row -> row.get("event_id_cnty"),
                        row -> row.get("event_date"),
                        row -> row.get("date_start"),
                        row -> row.get("year"),
                        row -> row.get("occurred_at"))
                .containsExactlyInAnyOrder(
                        tuple(strike.incidentId(), "2020-01-03", "2020-01-03", "2020", "2020-01-02T22:00:00Z"),
                        // a day's occurredAt is its date at 00:00 UTC (docs/events.md), whatever instant came with it
                        tuple(dayInBaghdad.incidentId(), "2020-01-03", "2020-01-03", "2020", "2020-01-03T00:00:00Z"),
                        tuple(utcOnly.incidentId(), "2020-01-02", "2020-01-02", "2020", "2020-01-02T23:00:00Z"));
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() throws IOException {
        List<CSVRecord> rows =
                parse(api.raw(timeline() + "?format=csv&includeRetracted=true").body());

        assertThat(rows)
                .extracting(row -> row.get("notes"))
                .containsExactly(
                        "'@staff reduced",
                        "US drone strike kills Qassem Soleimani",
                        "'=HYPERLINK(\"http://evil.example\",\"click\")",
                        "'-10 points <script>alert(1)</script>");
        // numbers are written by the service, not taken from input: a negative longitude stays a number
        assertThat(rows.get(3).get("longitude")).isEqualTo("-0.1276");
        assertThat(rows.get(0).get("status")).isEqualTo("RETRACTED");
        assertThat(rows.get(0).get("version")).isEqualTo("2");
    }

    @Test
    void csvHonoursTheFiltersAndTheView() throws IOException {
        assertThat(parse(api.raw(timeline() + "?format=csv&type=STATEMENT,VOTE").body()))
                .extracting(row -> row.get("event_id_cnty"))
                .containsExactly(vote, statement);
        assertThat(parse(api.raw(timeline() + "?format=csv&from=2020-01-04&to=2020-01-05")
                        .body()))
                .extracting(row -> row.get("event_id_cnty"))
                .containsExactly(vote);
        // before the statement was recorded, and before the staffing change was retracted
        assertThat(parse(api.raw(timeline() + "?format=csv&asOf=2020-01-07T18:00:00Z")
                        .body()))
                .extracting(row -> row.get("event_id_cnty"))
                .containsExactly(staffing, strike, vote, statement);
        assertThat(parse(api.raw(timeline() + "?format=csv&asOf=2020-01-06").body()))
                .extracting(row -> row.get("event_id_cnty"))
                .containsExactly(strike, vote);
        // only the Reuters report was out at 01:30
        List<CSVRecord> known = parse(
                api.raw(timeline() + "?format=csv&knownAt=2020-01-03T01:30:00Z").body());
        assertThat(known).extracting(row -> row.get("event_id_cnty")).containsExactly(strike);
        assertThat(known.get(0).get("source")).isEqualTo("Reuters");
    }

    @Test
    void timelineJsHasAnEventPerIncidentWithTheDatePartsItsPrecisionKnows() throws IOException {
        Api.Raw response = api.raw(timeline() + "?format=timelinejs&includeRetracted=true");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        JsonNode timeline = new ObjectMapper().readTree(response.body());
        assertThat(timeline.at("/title/text/headline").asText()).isEqualTo("Iran–US crisis");
        JsonNode events = timeline.get("events");
        assertThat(events.findValuesAsText("unique_id")).containsExactly(staffing, strike, vote, statement);
        assertThat(events.findValuesAsText("group")).containsExactly("STAFFING_CHANGE", "STRIKE", "VOTE", "STATEMENT");

        ObjectMapper json = new ObjectMapper();
        assertThat(events.get(0).get("start_date")).isEqualTo(json.readTree("""
                {"year": "2020", "month": "1", "display_date": "January 2020"}"""));
        assertThat(events.get(1).get("start_date")).isEqualTo(json.readTree("""
                {"year": "2020", "month": "1", "day": "3", "hour": "0", "minute": "32",
                 "display_date": "3 January 2020, 00:32 UTC"}"""));
        assertThat(events.get(2).get("start_date")).isEqualTo(json.readTree("""
                {"year": "2020", "month": "1", "day": "5", "display_date": "5 January 2020"}"""));
        assertThat(events.get(3).get("start_date")).isEqualTo(json.readTree("""
                {"year": "2020", "month": "1", "day": "6", "hour": "9", "display_date": "6 January 2020, 09:00 UTC"}"""));

        assertThat(events.get(0).at("/text/headline").asText()).isEqualTo("Retracted: @staff reduced");
        // the texts are HTML: nothing from the read model is taken as markup
        assertThat(events.get(3).at("/text/headline").asText())
                .isEqualTo("-10 points &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(events.get(3).at("/text/text").asText()).doesNotContain("<script>");
        assertThat(events.get(1).at("/text/text").asText())
                .contains("<a href=\"https://reuters.com/a\">Reuters</a>")
                .contains("Qassem Soleimani (victim)");
    }

    @Test
    void exportLargerThanTheLimitIsRefusedAndCanBeNarrowed() {
        String big = unique("crisis");
        for (int day = 1; day <= 6; day++) {
            String incidentId = big + "-" + day;
            topic.publish(
                    incidentId,
                    Instant.parse("2020-01-09T00:00:00Z"),
                    Events.incident(incidentId, big, IncidentType.STRIKE, "2020-01-0" + day + "T12:00:00Z", "IQ"));
        }
        String bigTimeline = "/api/v1/timelines/crises/" + big;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.incidentIds(bigTimeline).size() == 6);

        Api.Response refused = api.get(bigTimeline + "?format=csv");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("format");
        assertThat(refused.body().at("/errors/0/message").asText())
                .isEqualTo("an export holds at most 5 incidents and this timeline has more; narrow it with from, to"
                        + " or type");

        // five, read two at a time: every page of the export is written
        assertThat(api.raw(bigTimeline + "?format=csv&from=2020-01-02").body().lines())
                .hasSize(6);
    }

    @Test
    void unknownFormatOrPagingOfAnExportIsRefused() {
        assertThat(api.get(timeline() + "?format=xlsx").errorFields()).containsExactly("format");
        assertThat(api.get(timeline() + "?format=csv&limit=10").errorFields()).containsExactly("limit");
    }

    private IncidentRecorded incident(
            String incidentId,
            IncidentType type,
            String occurredAt,
            Precision precision,
            Location location,
            String summary,
            String publishedAt,
            String actorId) {
        return new IncidentRecorded(
                incidentId,
                crisisId,
                type,
                Instant.parse(occurredAt),
                precision,
                location,
                List.of(new IncidentActor(actorId, ActorRole.SUBJECT)),
                summary,
                Events.details(type),
                List.of(new Source(
                        "Example Wire", "https://example.org/" + incidentId, Instant.parse(publishedAt), null)),
                Confidence.MEDIUM);
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

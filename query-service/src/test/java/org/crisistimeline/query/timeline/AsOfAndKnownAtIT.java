package org.crisistimeline.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.actor;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.events.incident.details.ProtestDetails;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A protest recorded, corrected (crowd estimate, place and time) and given an earlier source; a strike recorded and
 * retracted. The timelines are read now, as of times between those events, and as known at times between the sources.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class AsOfAndKnownAtIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    private Api api;
    private String crisisId;
    private String protest;
    private String strike;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        crisisId = unique("crisis");
        protest = crisisId + "-protest";
        strike = crisisId + "-strike";
        String organisers = unique("organisers");
        topic.publish(organisers, Instant.parse("2020-01-01T00:00:00Z"), actor(organisers, "Organisers", "GB"));

        // recorded on the 6th from a report of the 5th at noon: 1,000 people in Baghdad on the 5th at 10:00
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
                        List.of(new IncidentActor(organisers, ActorRole.INITIATOR)),
                        "Crowds call for US troops to leave",
                        new ProtestDetails(1000, "expel US troops"),
                        List.of(new Source(
                                "Sky News", "https://news.sky.com/p", Instant.parse("2020-01-05T12:00:00Z"), null)),
                        Confidence.MEDIUM));
        // corrected on the 7th: 50,000 people, in Tehran, on the 4th
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
                                Instant.parse("2020-01-04T10:00:00Z"),
                                null,
                                new Location("IR", "Enghelab Square", 35.70, 51.39),
                                null,
                                null,
                                new ProtestDetails(50000, "expel US troops"),
                                null),
                        "Revised crowd estimate and place"));
        // on the 8th, a report of the 4th at 20:00 is found
        topic.publish(
                protest,
                2,
                Instant.parse("2020-01-08T09:00:00Z"),
                new SourceAttached(
                        protest,
                        new Source(
                                "Reuters",
                                "https://reuters.com/p",
                                Instant.parse("2020-01-04T20:00:00Z"),
                                "Tens of thousands")));

        topic.publish(
                strike,
                0,
                Instant.parse("2020-01-06T10:00:00Z"),
                new IncidentRecorded(
                        strike,
                        crisisId,
                        IncidentType.STRIKE,
                        Instant.parse("2020-01-05T20:00:00Z"),
                        Precision.MINUTE,
                        new Location("IQ", "Balad air base", 33.94, 44.36),
                        List.of(new IncidentActor(organisers, ActorRole.TARGET)),
                        "Rockets hit Balad air base",
                        new StrikeDetails(StrikeDetails.Method.ROCKET, "Balad air base", null),
                        List.of(new Source(
                                "Example Wire", "https://example.org/s", Instant.parse("2020-01-05T21:00:00Z"), null)),
                        Confidence.LOW));
        topic.publish(
                strike,
                1,
                Instant.parse("2020-01-09T09:00:00Z"),
                new IncidentRetracted(strike, "No strike took place; the report was false"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(api.get("/api/v1/incidents/" + protest)
                            .body()
                            .path("version")
                            .asInt())
                    .isEqualTo(3);
            assertThat(api.get("/api/v1/incidents/" + strike)
                            .body()
                            .path("version")
                            .asInt())
                    .isEqualTo(2);
        });
    }

    @Test
    void currentViewShowsTheLatestVersionsAndHidesRetractedIncidents() {
        Api.Response page = api.get(timeline());

        assertThat(page.incidentIds()).containsExactly(protest);
        assertThat(page.body().at("/items/0/occurredAt").asText()).isEqualTo("2020-01-04T10:00:00Z");
        assertThat(page.body().at("/items/0/location/country").asText()).isEqualTo("IR");
        assertThat(page.body().at("/items/0/status").asText()).isEqualTo("RECORDED");
        assertThat(page.body().at("/items/0/version").asInt()).isEqualTo(3);
        assertThat(page.body().at("/items/0/reportedAt").asText()).isEqualTo("2020-01-04T20:00:00Z");
    }

    @Test
    void timelineEntryCountsTheSourcesOfItsVersionAndNamesTheEarliestsPublisher() {
        assertThat(api.get(timeline()).body().at("/items/0/sourceCount").asInt())
                .isEqualTo(2);
        assertThat(api.get(timeline()).body().at("/items/0/firstPublisher").asText())
                .isEqualTo("Reuters");
        // before the Reuters report was attached
        JsonNode before =
                api.get(timeline() + "?asOf=2020-01-07T12:00:00Z").body().at("/items/0");
        assertThat(before.get("sourceCount").asInt()).isEqualTo(1);
        assertThat(before.get("firstPublisher").asText()).isEqualTo("Sky News");
        // known on the 5th: Sky News at noon on the 5th was not published yet
        JsonNode early = api.get(timeline() + "?knownAt=2020-01-05").body().at("/items/0");
        assertThat(early.get("sourceCount").asInt()).isEqualTo(1);
        assertThat(early.get("firstPublisher").asText()).isEqualTo("Reuters");
    }

    @Test
    void retractedIncidentIsShownOnRequestWithItsStatus() {
        Api.Response page = api.get(timeline() + "?includeRetracted=true");

        assertThat(page.incidentIds()).containsExactly(protest, strike);
        assertThat(page.body().at("/items/1/status").asText()).isEqualTo("RETRACTED");
        assertThat(api.get("/api/v1/incidents/" + strike).body().get("status").asText())
                .isEqualTo("RETRACTED");
    }

    @Test
    void asOfShowsEachIncidentAsThisSystemHeldItThen() {
        // before the correction and the retraction: the protest where and when first recorded, the strike still on
        Api.Response before = api.get(timeline() + "?asOf=2020-01-06T12:00:00Z");
        assertThat(before.incidentIds()).containsExactly(protest, strike);
        assertThat(before.body().at("/items/0/occurredAt").asText()).isEqualTo("2020-01-05T10:00:00Z");
        assertThat(before.body().at("/items/0/version").asInt()).isEqualTo(1);
        assertThat(before.body().at("/items/1/status").asText()).isEqualTo("RECORDED");

        assertThat(api.incidentIds(timeline() + "?asOf=2020-01-06T09:30:00Z")).containsExactly(protest);
        assertThat(api.incidentIds(timeline() + "?asOf=2020-01-06")).isEmpty();
        // the retraction's own instant is the first at which it is in effect
        assertThat(api.incidentIds(timeline() + "?asOf=2020-01-09T08:59:59Z")).containsExactly(protest, strike);
        assertThat(api.incidentIds(timeline() + "?asOf=2020-01-09T09:00:00Z")).containsExactly(protest);
        assertThat(api.incidentIds(timeline() + "?asOf=2020-01-09T09:00:00Z&includeRetracted=true"))
                .containsExactly(protest, strike);

        assertThat(api.get("/api/v1/incidents/" + protest + "?asOf=2020-01-06T12:00:00Z")
                        .body()
                        .at("/details/crowdEstimate")
                        .asInt())
                .isEqualTo(1000);
        assertThat(api.get("/api/v1/incidents/" + protest + "?asOf=2020-01-07T12:00:00Z")
                        .body()
                        .at("/details/crowdEstimate")
                        .asInt())
                .isEqualTo(50000);
        assertThat(api.get("/api/v1/incidents/" + protest + "?asOf=2020-01-06").status())
                .isEqualTo(404);
    }

    @Test
    void amendmentMovesAnIncidentBetweenCountryTimelinesAndAlongThem() {
        String days = "from=2020-01-04&to=2020-01-06&limit=500";

        assertThat(api.incidentIds("/api/v1/timelines/countries/IQ?asOf=2020-01-06T12:00:00Z&" + days))
                .contains(protest);
        assertThat(api.incidentIds("/api/v1/timelines/countries/IR?asOf=2020-01-06T12:00:00Z&" + days))
                .doesNotContain(protest);
        assertThat(api.incidentIds("/api/v1/timelines/countries/IQ?" + days)).doesNotContain(protest);
        assertThat(api.incidentIds("/api/v1/timelines/countries/IR?" + days)).contains(protest);
        // the actor's country (GB) has it in every version
        assertThat(api.incidentIds("/api/v1/timelines/countries/GB?asOf=2020-01-06T12:00:00Z&" + days))
                .contains(protest);
        assertThat(api.incidentIds("/api/v1/timelines/countries/GB?" + days)).contains(protest);
    }

    @Test
    void knownAtShowsOnlyIncidentsReportedByThenCountingTheSourcesKnownAsOf() {
        // now: the Reuters report of the 4th at 20:00 is known, so the protest was reported by the 5th
        assertThat(api.incidentIds(timeline() + "?knownAt=2020-01-05")).containsExactly(protest);
        assertThat(api.incidentIds(timeline() + "?knownAt=2020-01-04T19:59:59Z"))
                .isEmpty();
        // as of the 7th that report was not attached yet: only Sky News at noon on the 5th counted
        assertThat(api.incidentIds(timeline() + "?knownAt=2020-01-05&asOf=2020-01-07T12:00:00Z"))
                .isEmpty();
        assertThat(api.incidentIds(timeline() + "?knownAt=2020-01-05T12:00:00Z&asOf=2020-01-07T12:00:00Z"))
                .containsExactly(protest);
        // the strike was reported at 21:00 on the 5th
        assertThat(api.incidentIds(timeline() + "?knownAt=2020-01-05T20:30:00Z&includeRetracted=true"))
                .containsExactly(protest);
        assertThat(api.incidentIds(timeline() + "?knownAt=2020-01-05T21:00:00Z&includeRetracted=true"))
                .containsExactly(protest, strike);
    }

    @Test
    void incidentKnownAtShowsOnlyTheSourcesPublishedByThen() {
        Api.Response early = api.get("/api/v1/incidents/" + protest + "?knownAt=2020-01-05");
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.body().get("sources")).hasSize(1);
        assertThat(early.body().at("/sources/0/publisher").asText()).isEqualTo("Reuters");

        assertThat(api.get("/api/v1/incidents/" + protest).body().get("sources"))
                .hasSize(2);
        assertThat(api.get("/api/v1/incidents/" + protest + "?knownAt=2020-01-04")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void cursorPaginationKeepsWorkingWithTheViewParameters() {
        String view = timeline() + "?asOf=2020-01-06T12:00:00Z&knownAt=2020-01-06&limit=1";

        Api.Response first = api.get(view);
        Api.Response second =
                api.get(view + "&cursor=" + first.body().get("nextCursor").asText());

        assertThat(first.incidentIds()).containsExactly(protest);
        assertThat(second.incidentIds()).containsExactly(strike);
        assertThat(second.body().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void incidentThatOccurredAfterItWasRecordedAndReportedIsNotLostByTheScanBounds() {
        // the command service would refuse this (an occurredAt in the future); the read model must not rely on it
        String early = crisisId + "-announced";
        topic.publish(
                early,
                0,
                Instant.parse("2020-01-06T09:30:00Z"),
                new IncidentRecorded(
                        early,
                        crisisId,
                        IncidentType.VOTE,
                        Instant.parse("2020-01-10T12:00:00Z"),
                        Precision.DAY,
                        new Location("IQ", "Baghdad", 33.3, 44.4),
                        List.of(),
                        "A vote announced days ahead",
                        org.crisistimeline.query.Events.details(IncidentType.VOTE),
                        List.of(new Source(
                                "Example Wire", "https://example.org/v", Instant.parse("2020-01-06T08:00:00Z"), null)),
                        Confidence.LOW));
        await().atMost(PATIENCE)
                .until(() -> api.get("/api/v1/incidents/" + early).status() == 200);

        assertThat(api.incidentIds(timeline() + "?asOf=2020-01-06T12:00:00Z")).containsExactly(protest, strike, early);
        assertThat(api.incidentIds(timeline() + "?knownAt=2020-01-06T08:00:00Z"))
                .containsExactly(protest, early);
        assertThat(api.incidentIds(timeline() + "?asOf=2020-01-06T09:45:00Z&knownAt=2020-01-06T08:00:00Z"))
                .containsExactly(protest, early);
    }

    /**
     * Six incidents a day apart, recorded on 1 February; the 2nd, 4th and 6th got a second source on 10 February. As of
     * the 5th their first versions are superseded entries and the others current ones: read two at a time, the pages
     * hold all six once, in order, whichever kind of entry each comes from and wherever a page ends.
     */
    @Test
    void anAsOfTimelineReadPageByPageHoldsCurrentAndSupersededEntriesOnceInOrder() {
        String crisis = unique("paged");
        Instant recorded = Instant.parse("2020-02-01T00:00:00Z");
        List<String> incidents = new java.util.ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            String incident = crisis + "-" + day;
            incidents.add(incident);
            topic.publish(
                    incident,
                    0,
                    recorded,
                    org.crisistimeline.query.Events.incident(
                            incident, crisis, IncidentType.PROTEST, "2020-01-0" + day + "T10:00:00Z", "IQ"));
            if (day % 2 == 0) {
                topic.publish(
                        incident,
                        1,
                        Instant.parse("2020-02-10T00:00:00Z"),
                        new SourceAttached(
                                incident, new Source("Reuters", "https://reuters.com/" + incident, recorded, null)));
            }
        }
        String timeline = "/api/v1/timelines/crises/" + crisis;
        await().atMost(PATIENCE)
                .until(() -> api.incidentIds(timeline + "?limit=500").size() == 6
                        && api.get("/api/v1/incidents/" + crisis + "-6")
                                        .body()
                                        .get("version")
                                        .asInt()
                                == 2);

        List<String> read = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(timeline + "?asOf=2020-02-05T00:00:00Z&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .body();
            page.get("items").forEach(item -> read.add(item.get("incidentId").asText()));
            assertThat(page.get("items").findValuesAsText("version")).containsOnly("1");
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(read).containsExactlyElementsOf(incidents);
    }

    @Test
    void viewParametersAreChecked() {
        Api.Response response = api.get(timeline() + "?asOf=soon&knownAt=2020-02-30&includeRetracted=yes");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("asOf", "knownAt", "includeRetracted");
    }

    private String timeline() {
        return "/api/v1/timelines/crises/" + crisisId;
    }
}

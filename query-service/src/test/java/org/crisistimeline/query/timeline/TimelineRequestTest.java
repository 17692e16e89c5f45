package org.crisistimeline.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.junit.jupiter.api.Test;

class TimelineRequestTest {

    @Test
    void noParametersMeanTheWholeTimelineFiftyAtATime() {
        TimelineRequest request = TimelineRequest.parse(Map.of());

        assertThat(request).isEqualTo(new TimelineRequest(null, null, Set.of(), 50, null));
    }

    @Test
    void dateMeansTheStartOfThatDayInUtc() {
        assertThat(TimelineRequest.parseTime("2020-01-05")).isEqualTo(Instant.parse("2020-01-05T00:00:00Z"));
    }

    @Test
    void instantIsTakenAsGivenWithItsOffset() {
        assertThat(TimelineRequest.parseTime("2020-01-05T12:30:00Z")).isEqualTo(Instant.parse("2020-01-05T12:30:00Z"));
        assertThat(TimelineRequest.parseTime("2020-01-05T12:30:00+03:30"))
                .isEqualTo(Instant.parse("2020-01-05T09:00:00Z"));
    }

    @Test
    void fromAndToAreRead() {
        TimelineRequest request =
                TimelineRequest.parse(Map.of("from", List.of("2020-01-03"), "to", List.of("2020-01-08T12:00:00Z")));

        assertThat(request.from()).isEqualTo(Instant.parse("2020-01-03T00:00:00Z"));
        assertThat(request.to()).isEqualTo(Instant.parse("2020-01-08T12:00:00Z"));
    }

    @Test
    void fromMustBeBeforeTo() {
        assertThat(errors(Map.of("from", List.of("2020-01-08"), "to", List.of("2020-01-03"))))
                .containsExactly(new InvalidParameter("from", "must be before to"));
        assertThat(errors(Map.of("from", List.of("2020-01-08T00:00:00Z"), "to", List.of("2020-01-08T00:00:00Z"))))
                .extracting(InvalidParameter::field)
                .containsExactly("from");
    }

    @Test
    void toGivenAsADateIncludesThatDay() {
        TimelineRequest request =
                TimelineRequest.parse(Map.of("from", List.of("2020-01-06"), "to", List.of("2020-01-06")));

        assertThat(request.from()).isEqualTo(Instant.parse("2020-01-06T00:00:00Z"));
        assertThat(request.to()).isEqualTo(Instant.parse("2020-01-07T00:00:00Z"));
    }

    @Test
    void unreadableTimeIsRefused() {
        assertThat(errors(Map.of("from", List.of("07/01/2020"), "to", List.of("2020-02-30"))))
                .extracting(InvalidParameter::field)
                .containsExactly("from", "to");
    }

    @Test
    void typesMayBeRepeatedOrCommaSeparatedInAnyCase() {
        TimelineRequest request = TimelineRequest.parse(Map.of("type", List.of("strike, VOTE", "Statement")));

        assertThat(request.types())
                .containsExactlyInAnyOrder(IncidentType.STRIKE, IncidentType.VOTE, IncidentType.STATEMENT);
    }

    @Test
    void unknownTypeIsRefused() {
        assertThat(errors(Map.of("type", List.of("STRIKE,EARTHQUAKE"))))
                .extracting(InvalidParameter::field, InvalidParameter::message)
                .containsExactly(tuple(
                        "type",
                        "unknown incident type 'EARTHQUAKE'; one of [STRIKE, VOTE, STATEMENT, STAFFING_CHANGE, PROTEST,"
                                + " SANCTION, AGREEMENT, TRAVEL_ADVISORY, BATTLE, VIOLENCE_AGAINST_CIVILIANS, EXPLOSION, RIOT,"
                                + " STRATEGIC_DEVELOPMENT, DIPLOMACY]"));
    }

    @Test
    void limitIsFrom1To500() {
        assertThat(TimelineRequest.parse(Map.of("limit", List.of("1"))).limit()).isEqualTo(1);
        assertThat(TimelineRequest.parse(Map.of("limit", List.of("500"))).limit())
                .isEqualTo(500);
        for (String refused : List.of("0", "501", "-1", "ten", "", "1.5", "99999999999")) {
            assertThat(errors(Map.of("limit", List.of(refused))))
                    .as(refused)
                    .containsExactly(new InvalidParameter("limit", "must be a whole number from 1 to 500"));
        }
    }

    @Test
    void cursorIsDecoded() {
        var cursor = new TimelineCursor(Instant.parse("2020-01-03T00:32:00Z"), "strike");

        assertThat(TimelineRequest.parse(Map.of("cursor", List.of(cursor.encode())))
                        .after())
                .isEqualTo(cursor);
        assertThat(errors(Map.of("cursor", List.of("garbled!"))))
                .extracting(InvalidParameter::field)
                .containsExactly("cursor");
    }

    @Test
    void parameterGivenTwiceIsRefused() {
        assertThat(errors(Map.of("limit", List.of("10", "20"))))
                .containsExactly(new InvalidParameter("limit", "must be given once"));
    }

    @Test
    void everyInvalidParameterIsListedUnknownOnesFirst() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("limit", List.of("0"));
        parameters.put("sort", List.of("desc"));
        parameters.put("from", List.of("soon"));
        parameters.put("asAt", List.of("2020-01-07"));

        assertThat(errors(parameters))
                .extracting(InvalidParameter::field)
                .containsExactly("asAt", "sort", "from", "limit");
        assertThat(errors(parameters).get(0).message())
                .isEqualTo(
                        "unknown parameter; known parameters: from, to, type, dataset, code, limit, cursor, asOf, knownAt,"
                                + " includeRetracted, format, bom");
    }

    @Test
    void asOfKnownAtAndIncludeRetractedAreReadTogether() {
        TimelineRequest request = TimelineRequest.parse(Map.of(
                "asOf", List.of("2020-01-07T12:00:00Z"),
                "knownAt", List.of("2020-01-05"),
                "includeRetracted", List.of("TRUE")));

        assertThat(request.view())
                .isEqualTo(new TimelineView(
                        Instant.parse("2020-01-07T12:00:00Z"), Instant.parse("2020-01-05T00:00:00Z"), true));
        assertThat(TimelineRequest.parse(Map.of()).view()).isEqualTo(TimelineView.CURRENT);
    }

    @Test
    void formatIsJsonCsvNdjsonGeojsonOrTimelinejsInAnyCase() {
        assertThat(TimelineRequest.parse(Map.of()).format()).isEqualTo(TimelineFormat.JSON);
        assertThat(TimelineRequest.parse(Map.of("format", List.of("CSV"))).format())
                .isEqualTo(TimelineFormat.CSV);
        assertThat(TimelineRequest.parse(Map.of("format", List.of("timelinejs")))
                        .format())
                .isEqualTo(TimelineFormat.TIMELINEJS);
        assertThat(TimelineRequest.parse(Map.of("format", List.of("ndjson"))).format())
                .isEqualTo(TimelineFormat.NDJSON);
        assertThat(TimelineRequest.parse(Map.of("format", List.of("GeoJSON"))).format())
                .isEqualTo(TimelineFormat.GEOJSON);
        assertThat(errors(Map.of("format", List.of("xlsx"))))
                .containsExactly(new InvalidParameter("format", "must be json, csv, ndjson, geojson or timelinejs"));
    }

    @Test
    void datasetAndCodesAreReadVerbatimAndEveryCodeMustMatch() {
        TimelineRequest request = TimelineRequest.parse(Map.of(
                "dataset", List.of("UCDP GED"),
                "code", List.of("type_of_violence:1", "EventCode:010", "note:a:b")));

        assertThat(request.dataset()).isEqualTo("UCDP GED");
        assertThat(request.codes())
                .containsExactly(
                        Map.entry("type_of_violence", "1"), Map.entry("EventCode", "010"), Map.entry("note", "a:b"));
        assertThat(request.codesJson())
                .isEqualTo("{\"type_of_violence\":\"1\",\"EventCode\":\"010\",\"note\":\"a:b\"}");
    }

    @Test
    void codeWithoutNameOrValueOrNamedTwiceAndBlankDatasetAreRefused() {
        assertThat(errors(Map.of(
                        "dataset", List.of(" "),
                        "code", List.of("Battles", ":x", "event_type:", "event_type:Riots", "event_type:Battles"))))
                .extracting(InvalidParameter::field)
                .containsExactly("dataset", "code", "code", "code", "code");
    }

    @Test
    void bomIsOnlyForCsvAndIsTrueOrFalse() {
        assertThat(TimelineRequest.parse(Map.of("format", List.of("csv"), "bom", List.of("true")))
                        .bom())
                .isTrue();
        assertThat(errors(Map.of("format", List.of("ndjson"), "bom", List.of("true"))))
                .containsExactly(new InvalidParameter("bom", "is only taken by format=csv"));
        assertThat(errors(Map.of("format", List.of("csv"), "bom", List.of("yes"))))
                .containsExactly(new InvalidParameter("bom", "must be true or false"));
    }

    @Test
    void exportRefusesPagingBecauseItHoldsEveryIncident() {
        String cursor = new TimelineCursor(Instant.parse("2020-01-05T00:00:00Z"), "x").encode();

        assertThat(errors(Map.of("format", List.of("csv"), "limit", List.of("10"), "cursor", List.of(cursor))))
                .extracting(InvalidParameter::field)
                .containsExactly("limit", "cursor");
    }

    private static List<InvalidParameter> errors(Map<String, List<String>> parameters) {
        return catchThrowableOfType(InvalidParameters.class, () -> TimelineRequest.parse(parameters))
                .errors();
    }
}

package org.crisistimeline.query.timeline;

import static org.crisistimeline.query.timeline.Csv.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Origin;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.query.incident.IncidentView;

/**
 * One CSV row per incident, under ACLED's and UCDP's column names wherever the meaning is the same, so that a
 * researcher's scripts read it as they read those exports; the full list with meanings is in docs/exports.md. actor1 /
 * assoc_actor_1 are the side that acted (initiators, then participants), actor2 / assoc_actor_2 the side it acted on;
 * event_type and sub_event_type are the data set's own (ACLED's verbatim) where the incident was imported with them,
 * else ours; dataset, release, row_id and codes (every original code, verbatim, as a JSON object) join back to the
 * original row.
 */
final class TimelineCsv {

    static final List<String> COLUMNS = List.of(
            "event_id_cnty",
            "dataset",
            "release",
            "row_id",
            "revision",
            "event_date",
            "date_start",
            "date_end",
            "year",
            "time_precision",
            "occurred_at",
            "event_type",
            "sub_event_type",
            "incident_type",
            "type_of_violence",
            "actor1",
            "assoc_actor_1",
            "actor2",
            "assoc_actor_2",
            "actors",
            "iso",
            "country",
            "admin1",
            "admin2",
            "admin3",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "fatalities",
            "low",
            "best",
            "high",
            "notes",
            "source",
            "source_url",
            "codes",
            "crisis_id",
            "confidence",
            "status",
            "version",
            "reported_at",
            "recorded_at",
            "updated_at");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<ActorRole> ACTING = EnumSet.of(ActorRole.INITIATOR, ActorRole.PARTICIPANT);

    private TimelineCsv() {}

    static String header() {
        return Csv.line(COLUMNS);
    }

    static String row(IncidentView incident) {
        List<String> side1 = names(incident, true);
        List<String> side2 = names(incident, false);
        Origin origin = incident.origin();
        Map<String, String> codes = origin == null ? Map.of() : origin.codes();
        Location location = incident.location();
        // a calendar date is where it happened (occurredOn); an instant known to the minute or hour without one, its
        // UTC date
        LocalDate date = incident.occurredOn() != null
                ? incident.occurredOn()
                : incident.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate end = incident.occurredUntil() != null ? incident.occurredUntil() : date;
        JsonNode estimate = fatalities(incident);
        return Csv.line(List.of(
                text(incident.incidentId()),
                text(origin == null ? null : origin.dataset()),
                text(origin == null ? null : origin.release()),
                text(origin == null ? null : origin.rowId()),
                text(origin == null ? null : origin.revision()),
                date.toString(),
                date.toString(),
                end.toString(),
                Integer.toString(date.getYear()),
                incident.occurredPrecision().name(),
                incident.occurredAt().toString(),
                text(codes.getOrDefault("event_type", incident.type().name())),
                text(codes.containsKey("sub_event_type") ? codes.get("sub_event_type") : subType(incident)),
                incident.type().name(),
                text(codes.get("type_of_violence")),
                text(side1.isEmpty() ? null : side1.get(0)),
                text(String.join("; ", side1.subList(Math.min(1, side1.size()), side1.size()))),
                text(side2.isEmpty() ? null : side2.get(0)),
                text(String.join("; ", side2.subList(Math.min(1, side2.size()), side2.size()))),
                text(incident.actors().stream()
                        .map(actor -> name(actor) + " (" + actor.role().name() + ")")
                        .collect(Collectors.joining("; "))),
                location == null ? "" : location.country(),
                location == null ? "" : countryName(location.country()),
                text(location == null ? null : location.admin1()),
                text(location == null ? null : location.admin2()),
                text(location == null ? null : location.admin3()),
                text(location == null ? null : location.place()),
                number(location == null ? null : location.lat()),
                number(location == null ? null : location.lon()),
                text(location == null ? null : location.precision()),
                figure(estimate, "best", "low"),
                figure(estimate, "low"),
                figure(estimate, "best"),
                figure(estimate, "high"),
                text(incident.summary()),
                text(incident.sources().stream().map(Source::publisher).collect(Collectors.joining("; "))),
                text(incident.sources().stream()
                        .map(Source::url)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining("; "))),
                text(codes.isEmpty() ? null : JSON.valueToTree(codes).toString()),
                text(incident.crisisId()),
                incident.confidence() == null ? "" : incident.confidence().name(),
                incident.status().name(),
                Integer.toString(incident.version()),
                incident.reportedAt() == null ? "" : incident.reportedAt().toString(),
                incident.recordedAt().toString(),
                incident.updatedAt().toString()));
    }

    /** The English name of a country by its ISO 3166-1 alpha-2 code, as ACLED's and UCDP's country column has it. */
    static String countryName(String iso) {
        return text(new Locale("", iso).getDisplayCountry(Locale.ENGLISH));
    }

    /** What classifies the incident within its type, from its details. */
    static String subType(IncidentView incident) {
        JsonNode details = incident.details();
        if (details == null) {
            return null;
        }
        String field = switch (incident.type()) {
            case STRIKE -> "method";
            case VOTE -> "outcome";
            case STATEMENT -> "stance";
            case STAFFING_CHANGE -> "change";
            case SANCTION, AGREEMENT -> "status";
            case TRAVEL_ADVISORY -> "level";
            // the data sets' types are classified by their origin codes (sub_event_type above)
            case PROTEST, BATTLE, VIOLENCE_AGAINST_CIVILIANS, EXPLOSION, RIOT, STRATEGIC_DEVELOPMENT, DIPLOMACY -> null;
        };
        return field == null || !details.hasNonNull(field)
                ? null
                : details.get(field).asText();
    }

    /**
     * The deaths as an estimate {low, best?, high}: a strike's killed (IncidentRecorded v2), the fatalities of the data
     * sets' types; null when not reported.
     */
    private static JsonNode fatalities(IncidentView incident) {
        JsonNode details = incident.details();
        if (details == null) {
            return null;
        }
        JsonNode estimate = details.has("fatalities") ? details.get("fatalities") : details.at("/casualties/killed");
        return estimate == null || !estimate.isObject() ? null : estimate;
    }

    /** The first of the figures the estimate has; a plain count where an estimate has no best is its low. */
    private static String figure(JsonNode estimate, String... figures) {
        if (estimate == null) {
            return "";
        }
        for (String figure : figures) {
            if (estimate.hasNonNull(figure) && estimate.get(figure).isNumber()) {
                return estimate.get(figure).asText();
            }
        }
        return "";
    }

    private static List<String> names(IncidentView incident, boolean acting) {
        List<String> names = new ArrayList<>();
        // in each side, initiators (or targets) before participants (or victims and subjects), in the order recorded
        for (ActorRole role : ActorRole.values()) {
            if (ACTING.contains(role) != acting) {
                continue;
            }
            incident.actors().stream()
                    .filter(actor -> actor.role() == role)
                    .map(TimelineCsv::name)
                    .filter(Objects::nonNull)
                    .forEach(names::add);
        }
        return names;
    }

    /** An actor not registered yet is named by its id. */
    private static String name(IncidentView.Actor actor) {
        return actor.name() != null ? actor.name() : actor.actorId();
    }

    /** Plain digits, never 1.0E-5: a spreadsheet must read coordinates as numbers. */
    private static String number(Number value) {
        if (value == null) {
            return "";
        }
        return value instanceof Double decimal ? BigDecimal.valueOf(decimal).toPlainString() : value.toString();
    }
}

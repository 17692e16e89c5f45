package org.crisistimeline.query.timeline;

import static org.crisistimeline.query.timeline.Csv.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.query.incident.IncidentView;

/**
 * One CSV row per incident, the columns modelled on ACLED's export: actor1/assoc_actor_1 are the side that acted
 * (initiators, then participants), actor2/assoc_actor_2 the side it acted on (targets, victims, subjects), sub_type the
 * detail that classifies an incident of its type, fatalities the killed of a strike, notes the summary.
 */
final class TimelineCsv {

    static final List<String> COLUMNS = List.of(
            "incident_id",
            "crisis_id",
            "event_date",
            "occurred_at",
            "time_precision",
            "type",
            "sub_type",
            "actor1",
            "assoc_actor_1",
            "actor2",
            "assoc_actor_2",
            "actors",
            "country",
            "location",
            "latitude",
            "longitude",
            "fatalities",
            "notes",
            "sources",
            "source_urls",
            "confidence",
            "status",
            "version",
            "reported_at",
            "recorded_at",
            "updated_at");

    private static final Set<ActorRole> ACTING = EnumSet.of(ActorRole.INITIATOR, ActorRole.PARTICIPANT);

    private TimelineCsv() {}

    static String header() {
        return Csv.line(COLUMNS);
    }

    static String row(IncidentView incident) {
        List<String> side1 = names(incident, true);
        List<String> side2 = names(incident, false);
        return Csv.line(List.of(
                text(incident.incidentId()),
                text(incident.crisisId()),
                incident.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                incident.occurredAt().toString(),
                incident.occurredPrecision().name(),
                incident.type().name(),
                text(subType(incident)),
                text(side1.isEmpty() ? null : side1.get(0)),
                text(String.join("; ", side1.subList(Math.min(1, side1.size()), side1.size()))),
                text(side2.isEmpty() ? null : side2.get(0)),
                text(String.join("; ", side2.subList(Math.min(1, side2.size()), side2.size()))),
                text(incident.actors().stream()
                        .map(actor -> name(actor) + " (" + actor.role().name() + ")")
                        .collect(Collectors.joining("; "))),
                text(incident.location().country()),
                text(incident.location().place()),
                number(incident.location().lat()),
                number(incident.location().lon()),
                number(fatalities(incident)),
                text(incident.summary()),
                text(incident.sources().stream().map(Source::publisher).collect(Collectors.joining("; "))),
                text(incident.sources().stream().map(Source::url).collect(Collectors.joining("; "))),
                incident.confidence() == null ? "" : incident.confidence().name(),
                incident.status().name(),
                Integer.toString(incident.version()),
                incident.reportedAt() == null ? "" : incident.reportedAt().toString(),
                incident.recordedAt().toString(),
                incident.updatedAt().toString()));
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
            // the data sets' types classify by their origin codes, which the query side does not project yet
            case PROTEST, BATTLE, VIOLENCE_AGAINST_CIVILIANS, EXPLOSION, RIOT, STRATEGIC_DEVELOPMENT, DIPLOMACY -> null;
        };
        return field == null || !details.hasNonNull(field)
                ? null
                : details.get(field).asText();
    }

    private static Integer fatalities(IncidentView incident) {
        // casualties are estimates (IncidentRecorded v2): the best figure, or the lowest where there is no best
        JsonNode killed = incident.details() == null ? null : incident.details().at("/casualties/killed");
        JsonNode figure = killed == null ? null : killed.has("best") ? killed.get("best") : killed.get("low");
        return figure == null || !figure.isNumber() ? null : figure.asInt();
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

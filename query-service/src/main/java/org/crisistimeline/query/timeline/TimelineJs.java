package org.crisistimeline.query.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.crisistimeline.query.incident.IncidentStatus;
import org.crisistimeline.query.incident.IncidentView;
import org.springframework.web.util.HtmlUtils;

/**
 * The JSON that Knight Lab's TimelineJS 3 loads ({@code new TL.Timeline('timeline', url)}): a title slide and one
 * event per incident. A start date has the parts its precision knows (a DAY incident has no hour), in UTC, with a
 * display_date that says so, since TimelineJS shows the parts in the viewer's time zone. Texts are HTML, so
 * everything from the read model is escaped; sources are links in the text rather than media, which TimelineJS would
 * try to embed from each news site.
 */
final class TimelineJs {

    static final int HEADLINE_LENGTH = 120;

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:00 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private TimelineJs() {}

    static ObjectNode title(ObjectMapper json, String headline, String text) {
        ObjectNode title = json.createObjectNode();
        title.putObject("text").put("headline", html(headline)).put("text", html(text));
        return title;
    }

    static ObjectNode event(ObjectMapper json, IncidentView incident) {
        ObjectNode event = json.createObjectNode();
        ZonedDateTime at = incident.occurredAt().atZone(ZoneOffset.UTC);
        ObjectNode start = event.putObject("start_date");
        start.put("year", Integer.toString(at.getYear()));
        start.put("month", Integer.toString(at.getMonthValue()));
        DateTimeFormatter display = switch (incident.occurredPrecision()) {
            // WEEK and YEAR (imported data sets): their first day, their month; a range ends at end_date
            case MONTH, YEAR -> MONTH;
            case DAY, WEEK -> DAY;
            case HOUR -> HOUR;
            case MINUTE -> MINUTE;
        };
        switch (incident.occurredPrecision()) {
            case MINUTE -> {
                start.put("day", Integer.toString(at.getDayOfMonth()));
                start.put("hour", Integer.toString(at.getHour()));
                start.put("minute", Integer.toString(at.getMinute()));
            }
            case HOUR -> {
                start.put("day", Integer.toString(at.getDayOfMonth()));
                start.put("hour", Integer.toString(at.getHour()));
            }
            case DAY, WEEK -> start.put("day", Integer.toString(at.getDayOfMonth()));
            case MONTH, YEAR -> {
                // the year and month say it all
            }
        }
        start.put("display_date", display.format(at));
        if (incident.occurredUntil() != null) {
            event.putObject("end_date")
                    .put("year", Integer.toString(incident.occurredUntil().getYear()))
                    .put("month", Integer.toString(incident.occurredUntil().getMonthValue()))
                    .put("day", Integer.toString(incident.occurredUntil().getDayOfMonth()));
        }

        String headline = headline(incident.summary());
        if (incident.status() == IncidentStatus.RETRACTED) {
            headline = "Retracted: " + headline;
        }
        event.putObject("text").put("headline", html(headline)).put("text", text(incident));
        event.put("group", incident.type().name());
        event.put("unique_id", incident.incidentId());
        return event;
    }

    /** Only the characters that are markup: names, places and quotes in any script stay readable. */
    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    static String headline(String summary) {
        return summary.length() <= HEADLINE_LENGTH ? summary : summary.substring(0, HEADLINE_LENGTH - 1) + "…";
    }

    private static String text(IncidentView incident) {
        var html = new StringBuilder();
        html.append("<p>").append(html(incident.summary())).append("</p>");
        // an imported incident may have no location
        String place = incident.location() == null
                ? ""
                : incident.location().place() == null
                        ? incident.location().country()
                        : incident.location().place() + ", "
                                + incident.location().country();
        html.append("<p>").append(html(place));
        if (!incident.actors().isEmpty()) {
            html.append(place.isEmpty() ? "" : " · ")
                    .append(html(incident.actors().stream()
                            .map(actor -> (actor.name() != null ? actor.name() : actor.actorId()) + " ("
                                    + actor.role().name().toLowerCase(Locale.ROOT) + ")")
                            .collect(Collectors.joining(", "))));
        }
        html.append("</p>");
        if (incident.status() != IncidentStatus.RECORDED) {
            html.append("<p>Status: ").append(incident.status().name()).append("</p>");
        }
        if (!incident.sources().isEmpty()) {
            html.append("<p>Sources: ")
                    .append(incident.sources().stream()
                            // a citation has no URL: its text alone
                            .map(source -> source.url() == null
                                    ? html(source.publisher())
                                    : "<a href=\"" + html(source.url()) + "\">" + html(source.publisher()) + "</a>")
                            .collect(Collectors.joining(", ")))
                    .append("</p>");
        }
        return html.toString();
    }
}

package org.crisistimeline.query.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Origin;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;

/** Rows of incident_version and incident_source read back into states; one reading for projection and queries. */
public final class IncidentRows {

    private static final TypeReference<List<IncidentActor>> ACTORS = new TypeReference<>() {};

    private IncidentRows() {}

    static IncidentState state(ResultSet row, List<Source> sources, ObjectMapper json) throws SQLException {
        return new IncidentState(
                row.getString("incident_id"),
                row.getString("crisis_id"),
                IncidentType.valueOf(row.getString("type")),
                instant(row, "occurred_at"),
                Precision.valueOf(row.getString("occurred_precision")),
                row.getObject("occurred_on", LocalDate.class),
                row.getObject("occurred_until", LocalDate.class),
                location(row),
                actors(row.getString("actors"), json),
                row.getString("summary"),
                tree(row.getString("details"), json),
                row.getString("confidence") == null ? null : Confidence.valueOf(row.getString("confidence")),
                IncidentStatus.valueOf(row.getString("status")),
                sources,
                origin(row.getString("origin"), json));
    }

    /** A version without a country has no location: the data set gave no geography. */
    public static Location location(ResultSet row) throws SQLException {
        String country = row.getString("country");
        return country == null
                ? null
                : new Location(
                        country,
                        row.getString("place"),
                        row.getObject("lat", Double.class),
                        row.getObject("lon", Double.class),
                        row.getString("admin1"),
                        row.getString("admin2"),
                        row.getString("admin3"),
                        row.getString("location_precision"));
    }

    public static Origin origin(String text, ObjectMapper json) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Origin.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an origin in the read model is not JSON", e);
        }
    }

    static Source source(ResultSet row) throws SQLException {
        return new Source(
                row.getString("publisher"),
                row.getString("url"),
                instant(row, "published_at"),
                row.getString("excerpt"));
    }

    static List<IncidentActor> actors(String text, ObjectMapper json) {
        try {
            return json.readValue(text, ACTORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("actors in the read model are not JSON", e);
        }
    }

    static JsonNode tree(String text, ObjectMapper json) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details in the read model are not JSON", e);
        }
    }

    static String text(Object value, ObjectMapper json) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value + " cannot be written as JSON", e);
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

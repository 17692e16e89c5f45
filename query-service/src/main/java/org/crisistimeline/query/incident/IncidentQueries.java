package org.crisistimeline.query.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class IncidentQueries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IncidentQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<IncidentView> find(String incidentId) {
        List<IncidentView> found =
                jdbc.query("SELECT * FROM incident WHERE incident_id = ?", (row, number) -> incident(row), incidentId);
        return found.stream().findFirst().map(incident -> withActorsAndSources(incident, incidentId));
    }

    private IncidentView withActorsAndSources(IncidentView incident, String incidentId) {
        List<IncidentView.Actor> actors = jdbc.query(
                """
                SELECT ia.actor_id, ia.role, a.name, a.kind, a.country
                FROM incident_actor ia
                LEFT JOIN actor a ON a.actor_id = ia.actor_id
                WHERE ia.incident_id = ?
                ORDER BY ia.position
                """,
                (row, number) -> new IncidentView.Actor(
                        row.getString("actor_id"),
                        row.getString("name"),
                        row.getString("kind") == null ? null : ActorKind.valueOf(row.getString("kind")),
                        row.getString("country"),
                        ActorRole.valueOf(row.getString("role"))),
                incidentId);
        List<Source> sources = jdbc.query(
                """
                SELECT publisher, url, published_at, excerpt
                FROM incident_source
                WHERE incident_id = ?
                ORDER BY position
                """,
                (row, number) -> new Source(
                        row.getString("publisher"),
                        row.getString("url"),
                        instant(row, "published_at"),
                        row.getString("excerpt")),
                incidentId);
        return new IncidentView(
                incident.incidentId(),
                incident.crisisId(),
                incident.type(),
                incident.occurredAt(),
                incident.occurredPrecision(),
                incident.location(),
                actors,
                incident.summary(),
                incident.details(),
                sources,
                incident.confidence(),
                incident.reportedAt(),
                incident.recordedAt(),
                incident.updatedAt(),
                incident.version());
    }

    private IncidentView incident(ResultSet row) throws SQLException {
        return new IncidentView(
                row.getString("incident_id"),
                row.getString("crisis_id"),
                IncidentType.valueOf(row.getString("type")),
                instant(row, "occurred_at"),
                Precision.valueOf(row.getString("occurred_precision")),
                new Location(
                        row.getString("country"),
                        row.getString("place"),
                        row.getObject("lat", Double.class),
                        row.getObject("lon", Double.class)),
                List.of(),
                row.getString("summary"),
                details(row.getString("details")),
                List.of(),
                row.getString("confidence") == null ? null : Confidence.valueOf(row.getString("confidence")),
                instant(row, "reported_at"),
                instant(row, "recorded_at"),
                instant(row, "updated_at"),
                row.getInt("version"));
    }

    private JsonNode details(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details in the read model are not JSON", e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

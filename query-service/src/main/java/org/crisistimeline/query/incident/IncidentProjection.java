package org.crisistimeline.query.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Source;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the incident tables; called by the read model inside the transaction of the event. */
@Component
public class IncidentProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    IncidentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void recorded(IncidentRecorded incident, Instant recordedAt) {
        Location location = Objects.requireNonNull(
                incident.location(), () -> "IncidentRecorded " + incident.incidentId() + " has no location");
        jdbc.update(
                """
                INSERT INTO incident (incident_id, crisis_id, type, occurred_at, occurred_precision, country, place,
                                      lat, lon, summary, details, confidence, reported_at, recorded_at, updated_at,
                                      version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, 1)
                """,
                incident.incidentId(),
                incident.crisisId(),
                name(incident.type()),
                utc(incident.occurredAt()),
                name(incident.occurredPrecision()),
                location.country(),
                location.place(),
                location.lat(),
                location.lon(),
                incident.summary(),
                details(incident),
                name(incident.confidence()),
                utc(reportedAt(incident.sources())),
                utc(recordedAt),
                utc(recordedAt));
        insertActors(incident.incidentId(), incident.actors());
        insertSources(incident.incidentId(), incident.sources());
    }

    /** reportedAt = the earliest source, not the first attached: that is when the world could first know. */
    static Instant reportedAt(List<Source> sources) {
        return sources.stream()
                .map(Source::publishedAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private void insertActors(String incidentId, List<IncidentActor> actors) {
        List<Object[]> rows = new ArrayList<>();
        for (int position = 0; position < actors.size(); position++) {
            IncidentActor actor = actors.get(position);
            rows.add(new Object[] {incidentId, position, actor.actorId(), name(actor.role())});
        }
        jdbc.batchUpdate(
                "INSERT INTO incident_actor (incident_id, position, actor_id, role) VALUES (?, ?, ?, ?)", rows);
    }

    private void insertSources(String incidentId, List<Source> sources) {
        List<Object[]> rows = new ArrayList<>();
        for (int position = 0; position < sources.size(); position++) {
            Source source = sources.get(position);
            rows.add(new Object[] {
                incidentId, position, source.publisher(), source.url(), utc(source.publishedAt()), source.excerpt()
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO incident_source (incident_id, position, publisher, url, published_at, excerpt)
                VALUES (?, ?, ?, ?, ?, ?)
                """, rows);
    }

    /** The details as the event has them, without a type tag: the incident's type says which shape they have. */
    private String details(IncidentRecorded incident) {
        if (incident.details() == null) {
            return null;
        }
        try {
            return json.writeValueAsString(incident.details());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details of " + incident.incidentId() + " cannot be written", e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

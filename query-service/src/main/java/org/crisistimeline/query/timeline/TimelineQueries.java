package org.crisistimeline.query.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads pages of timelines: one range scan of timeline_entry for the page, one query for all its actors. */
@Component
class TimelineQueries {

    private final NamedParameterJdbcTemplate jdbc;

    TimelineQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    TimelinePage page(TimelineScope scope, String key, TimelineRequest request) {
        var sql = new StringBuilder("""
                SELECT i.incident_id, i.crisis_id, i.type, i.occurred_at, i.occurred_precision, i.country, i.place,
                       i.lat, i.lon, i.summary, i.confidence, i.reported_at, i.recorded_at, i.version
                FROM timeline_entry e
                JOIN incident i ON i.incident_id = e.incident_id
                WHERE e.scope = :scope AND e.scope_key = :key
                """);
        var parameters = new MapSqlParameterSource("scope", scope.value()).addValue("key", key);
        if (request.from() != null) {
            sql.append(" AND e.occurred_at >= :from");
            parameters.addValue("from", utc(request.from()));
        }
        if (request.to() != null) {
            sql.append(" AND e.occurred_at < :to");
            parameters.addValue("to", utc(request.to()));
        }
        if (!request.types().isEmpty()) {
            sql.append(" AND e.type IN (:types)");
            parameters.addValue(
                    "types", request.types().stream().map(Enum::name).toList());
        }
        if (request.after() != null) {
            // a row comparison, which PostgreSQL answers from the index: the page starts right after the cursor
            sql.append(" AND (e.occurred_at, e.incident_id) > (:afterOccurredAt, :afterIncidentId)");
            parameters.addValue("afterOccurredAt", utc(request.after().occurredAt()));
            parameters.addValue("afterIncidentId", request.after().incidentId());
        }
        // one row more than asked tells whether there is a next page
        sql.append(" ORDER BY e.occurred_at, e.incident_id LIMIT :limit");
        parameters.addValue("limit", request.limit() + 1);

        List<TimelineItem> rows = jdbc.query(sql.toString(), parameters, (row, number) -> item(row));
        List<TimelineItem> page = rows.subList(0, Math.min(rows.size(), request.limit()));
        Map<String, List<TimelineItem.Actor>> actors = actorsOf(page);
        List<TimelineItem> items = page.stream()
                .map(item -> item.withActors(actors.getOrDefault(item.incidentId(), List.of())))
                .toList();
        String nextCursor = rows.size() > request.limit()
                ? new TimelineCursor(
                                page.get(page.size() - 1).occurredAt(),
                                page.get(page.size() - 1).incidentId())
                        .encode()
                : null;
        return new TimelinePage(scope.value(), key, items, nextCursor);
    }

    private Map<String, List<TimelineItem.Actor>> actorsOf(List<TimelineItem> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        List<String> incidentIds = page.stream().map(TimelineItem::incidentId).toList();
        // an actor whose ActorRegistered has not arrived yet is shown with its id and role only
        return jdbc
                .query(
                        """
                        SELECT ia.incident_id, ia.actor_id, ia.role, a.name, a.country
                        FROM incident_actor ia
                        LEFT JOIN actor a ON a.actor_id = ia.actor_id
                        WHERE ia.incident_id IN (:incidentIds)
                        ORDER BY ia.incident_id, ia.position
                        """,
                        Map.of("incidentIds", incidentIds),
                        (row, number) -> Map.entry(
                                row.getString("incident_id"),
                                new TimelineItem.Actor(
                                        row.getString("actor_id"),
                                        row.getString("name"),
                                        row.getString("country"),
                                        ActorRole.valueOf(row.getString("role")))))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static TimelineItem item(ResultSet row) throws SQLException {
        return new TimelineItem(
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
                row.getString("confidence") == null ? null : Confidence.valueOf(row.getString("confidence")),
                instant(row, "reported_at"),
                instant(row, "recorded_at"),
                row.getInt("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

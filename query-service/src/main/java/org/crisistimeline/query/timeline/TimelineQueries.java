package org.crisistimeline.query.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.query.incident.IncidentRows;
import org.crisistimeline.query.incident.IncidentStatus;
import org.crisistimeline.query.incident.IncidentVersionId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads timelines: a page is one range scan of timeline_entry_version (in the partial index of current entries, and
 * for asOf one of the index of superseded entries up to where the page's current ones end) joined to the versions it
 * names, and one query for the page's actors.
 */
@Component
class TimelineQueries {

    private static final TypeReference<List<IncidentActor>> ACTORS = new TypeReference<>() {};

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    TimelineQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    TimelinePage page(TimelineScope scope, String key, TimelineRequest request) {
        var parameters = new MapSqlParameterSource();
        var sql = new StringBuilder("""
                SELECT p.*, sources.source_count, sources.first_publisher
                FROM (SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision,
                             v.occurred_on, v.occurred_until, v.country, v.place, v.lat, v.lon, v.admin1, v.admin2,
                             v.admin3, v.location_precision, v.actors, v.summary, v.confidence, v.status,
                             v.reported_at, v.recorded_at, v.origin
                """);
        sql.append("      FROM ").append(entries(scope, key, request, parameters));
        sql.append(" JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version");
        // one row more than asked tells whether there is a next page
        sql.append(" ORDER BY e.occurred_at, e.incident_id LIMIT :limit) AS p");
        parameters.addValue("limit", request.limit() + 1);
        // the sources the version holds (published by knownAt, as the incident view shows them), counted for the rows
        // of the page only: the first publisher is that of the earliest source, the one reportedAt comes from
        sql.append("""

                LEFT JOIN LATERAL (
                    SELECT count(*) AS source_count,
                           (array_agg(s.publisher ORDER BY s.published_at, s.position))[1] AS first_publisher
                    FROM incident_source s
                    WHERE s.incident_id = p.incident_id AND s.attached_version <= p.version
                      AND (CAST(:sourcesKnownAt AS timestamptz) IS NULL OR s.published_at <= :sourcesKnownAt)
                ) AS sources ON true
                ORDER BY p.occurred_at, p.incident_id
                """);
        parameters.addValue(
                "sourcesKnownAt",
                request.view().knownAt() == null ? null : utc(request.view().knownAt()),
                Types.TIMESTAMP_WITH_TIMEZONE);

        List<Row> rows = jdbc.query(sql.toString(), parameters, (row, number) -> row(row));
        List<Row> page = rows.subList(0, Math.min(rows.size(), request.limit()));
        Map<String, NamedActor> named = actorsOf(page);
        List<TimelineItem> items = page.stream()
                .map(row -> row.item()
                        .withActors(row.actors().stream()
                                .map(actor -> {
                                    NamedActor known = named.get(actor.actorId());
                                    // an actor whose ActorRegistered has not arrived yet is shown with id and role
                                    return new TimelineItem.Actor(
                                            actor.actorId(),
                                            known == null ? null : known.name(),
                                            known == null ? null : known.country(),
                                            actor.role());
                                })
                                .toList()))
                .toList();
        String nextCursor = rows.size() > request.limit()
                ? cursorAfter(page.get(page.size() - 1).item())
                : null;
        return new TimelinePage(scope.value(), key, items, nextCursor);
    }

    /**
     * The versions on a page of the timeline, read from the index alone: what an export walks through.
     *
     * @return the versions in timeline order, and the cursor after the last, null when the timeline ends there
     */
    Keys keys(TimelineScope scope, String key, TimelineRequest request) {
        var parameters = new MapSqlParameterSource();
        String sql = "SELECT e.incident_id, e.version, e.occurred_at FROM " + entries(scope, key, request, parameters)
                + " ORDER BY e.occurred_at, e.incident_id LIMIT :limit";
        parameters.addValue("limit", request.limit());
        List<Key> rows = jdbc.query(
                sql,
                parameters,
                (row, number) -> new Key(
                        new IncidentVersionId(row.getString("incident_id"), row.getInt("version")),
                        instant(row, "occurred_at")));
        TimelineCursor next = rows.size() < request.limit()
                ? null
                : new TimelineCursor(
                        rows.get(rows.size() - 1).occurredAt(),
                        rows.get(rows.size() - 1).id().incidentId());
        return new Keys(rows.stream().map(Key::id).toList(), next);
    }

    /** How many incidents the timeline shows, counted up to {@code atMost + 1} so that a huge one costs no more. */
    long countUpTo(TimelineScope scope, String key, TimelineRequest request, long atMost) {
        var parameters = new MapSqlParameterSource();
        String sql = "SELECT count(*) FROM (SELECT 1 FROM " + entries(scope, key, request, parameters)
                + " LIMIT :limit) AS shown";
        parameters.addValue("limit", atMost + 1);
        Long count = jdbc.queryForObject(sql, parameters, Long.class);
        return count == null ? 0 : count;
    }

    /** The name of what the timeline is of, when the read model knows it: the crisis's or the actor's. */
    String title(TimelineScope scope, String key) {
        String sql = switch (scope) {
            case CRISIS -> "SELECT name FROM crisis WHERE crisis_id = :key";
            case ACTOR -> "SELECT name FROM actor WHERE actor_id = :key";
            case COUNTRY -> null;
        };
        if (sql == null) {
            return null;
        }
        return jdbc.queryForList(sql, Map.of("key", key), String.class).stream()
                .findFirst()
                .orElse(null);
    }

    /**
     * The entries of the timeline the request asks for, the first {@code :limit} of them in timeline order among them
     * (see {@link TimelineView#entries}), as a FROM item aliased {@code e}; the caller binds {@code :limit}, orders
     * and limits.
     */
    private static String entries(
            TimelineScope scope, String key, TimelineRequest request, MapSqlParameterSource parameters) {
        var sql = new StringBuilder(" AND e.scope = :scope AND e.scope_key = :key");
        parameters.addValue("scope", scope.value()).addValue("key", key);
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
        if (request.dataset() != null) {
            sql.append(" AND e.origin_dataset = :dataset");
            parameters.addValue("dataset", request.dataset());
        }
        if (!request.codes().isEmpty()) {
            // containment: every code asked for, with exactly that value (as in the file, e.g. CAMEO's "010")
            sql.append(" AND e.origin_codes @> CAST(:codes AS jsonb)");
            parameters.addValue("codes", request.codesJson());
        }
        if (request.after() != null) {
            // a row comparison, which PostgreSQL answers from the index: the page starts right after the cursor
            sql.append(" AND (e.occurred_at, e.incident_id) > (:afterOccurredAt, :afterIncidentId)");
            parameters.addValue("afterOccurredAt", utc(request.after().occurredAt()));
            parameters.addValue("afterIncidentId", request.after().incidentId());
        }
        return request.view().entries(sql.toString(), true, parameters);
    }

    private static String cursorAfter(TimelineItem last) {
        return new TimelineCursor(last.occurredAt(), last.incidentId()).encode();
    }

    /** The names and countries of the actors a page names, as registered so far. */
    private Map<String, NamedActor> actorsOf(List<Row> page) {
        Set<String> actorIds = new LinkedHashSet<>();
        page.forEach(row -> row.actors().forEach(actor -> actorIds.add(actor.actorId())));
        if (actorIds.isEmpty()) {
            return Map.of();
        }
        Map<String, NamedActor> actors = new HashMap<>();
        jdbc.query(
                "SELECT actor_id, name, country FROM actor WHERE actor_id IN (:actorIds)",
                Map.of("actorIds", actorIds),
                row -> {
                    actors.put(
                            row.getString("actor_id"), new NamedActor(row.getString("name"), row.getString("country")));
                });
        return actors;
    }

    private Row row(ResultSet row) throws SQLException {
        List<IncidentActor> actors;
        try {
            actors = json.readValue(row.getString("actors"), ACTORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("actors in the read model are not JSON", e);
        }
        return new Row(
                new TimelineItem(
                        row.getString("incident_id"),
                        row.getString("crisis_id"),
                        IncidentType.valueOf(row.getString("type")),
                        instant(row, "occurred_at"),
                        Precision.valueOf(row.getString("occurred_precision")),
                        row.getObject("occurred_on", LocalDate.class),
                        row.getObject("occurred_until", LocalDate.class),
                        IncidentRows.location(row),
                        List.of(),
                        row.getString("summary"),
                        row.getString("confidence") == null ? null : Confidence.valueOf(row.getString("confidence")),
                        IncidentStatus.valueOf(row.getString("status")),
                        instant(row, "reported_at"),
                        instant(row, "recorded_at"),
                        row.getInt("version"),
                        row.getInt("source_count"),
                        row.getString("first_publisher"),
                        IncidentRows.origin(row.getString("origin"), json)),
                actors);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(TimelineItem item, List<IncidentActor> actors) {}

    private record NamedActor(String name, String country) {}

    private record Key(IncidentVersionId id, Instant occurredAt) {}

    /** @param next where the next page starts; null at the end */
    record Keys(List<IncidentVersionId> ids, TimelineCursor next) {}
}

package org.crisistimeline.query.stream;

import java.util.List;
import org.crisistimeline.events.EventType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class EventLogQueries {

    private final NamedParameterJdbcTemplate jdbc;

    EventLogQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last position committed; every position below it is committed too (or was rolled back, never to come). */
    long head() {
        Long head = jdbc.queryForObject(
                "SELECT coalesce(max(position), 0) FROM event_log", new MapSqlParameterSource(), Long.class);
        return head == null ? 0 : head;
    }

    /** The events in ({@code after}, {@code upTo}] that match the request, in order, at most {@code limit}. */
    List<LoggedEvent> between(StreamRequest request, long after, long upTo, int limit) {
        var parameters =
                new MapSqlParameterSource("after", after).addValue("upTo", upTo).addValue("limit", limit);
        var sql = new StringBuilder("""
                SELECT position, event_type, aggregate_id, sequence FROM event_log
                WHERE position > :after AND position <= :upTo
                """);
        if (request.country() != null) {
            sql.append(" AND countries @> ARRAY[CAST(:country AS text)]");
            parameters.addValue("country", request.country());
        }
        if (request.actor() != null) {
            sql.append(" AND actors @> ARRAY[CAST(:actor AS text)]");
            parameters.addValue("actor", request.actor());
        }
        if (!request.types().isEmpty()) {
            sql.append(" AND types && CAST(ARRAY[:types] AS text[])");
            parameters.addValue(
                    "types", request.types().stream().map(Enum::name).toList());
        }
        sql.append(" ORDER BY position LIMIT :limit");
        return jdbc.query(
                sql.toString(),
                parameters,
                (row, number) -> new LoggedEvent(
                        row.getLong("position"),
                        EventType.valueOf(row.getString("event_type")),
                        row.getString("aggregate_id"),
                        row.getLong("sequence")));
    }
}

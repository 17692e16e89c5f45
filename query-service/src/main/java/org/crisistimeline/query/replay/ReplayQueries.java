package org.crisistimeline.query.replay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.crisistimeline.query.incident.VersionKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events of a crisis in the order the news broke: each incident's first version when its earliest source was
 * published (a source attached later counts too, so that a replay agrees with knownAt), every later version at its own
 * recordedAt. An incident that was ever in the crisis is
 * replayed whole, so an amendment that moves it to another crisis is seen too.
 */
@Component
class ReplayQueries {

    private final NamedParameterJdbcTemplate jdbc;

    ReplayQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean known(String crisisId) {
        Boolean known = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM crisis WHERE crisis_id = :crisis)
                    OR EXISTS (SELECT 1 FROM timeline_entry_version WHERE scope = 'crisis' AND scope_key = :crisis)
                """, new MapSqlParameterSource("crisis", crisisId), Boolean.class);
        return Boolean.TRUE.equals(known);
    }

    /** The next events after {@code after} (null: from the start), at most {@code limit}. */
    List<ReplayEvent> after(String crisisId, ReplayPosition after, int limit) {
        var parameters = new MapSqlParameterSource("crisis", crisisId).addValue("limit", limit);
        var sql = new StringBuilder("""
                WITH news AS (
                    SELECT v.incident_id, v.version, v.kind,
                           -- an incident is news when its earliest source was published, whenever that source was
                           -- attached, as knownAt counts it; a version recorded before then (the command service
                           -- refuses it) is news when recorded
                           CASE WHEN v.kind = 'RECORDED'
                                THEN least((SELECT min(s.published_at) FROM incident_source s
                                            WHERE s.incident_id = v.incident_id), v.valid_from)
                                ELSE v.valid_from END AS news_at
                    FROM incident_version v
                    WHERE v.incident_id IN (SELECT e.incident_id FROM timeline_entry_version e
                                            WHERE e.scope = 'crisis' AND e.scope_key = :crisis)
                )
                SELECT * FROM news
                """);
        if (after != null) {
            sql.append(" WHERE (news_at, incident_id, version) > (:newsAt, :incidentId, :version)");
            parameters
                    .addValue("newsAt", after.newsAt().atOffset(ZoneOffset.UTC))
                    .addValue("incidentId", after.incidentId())
                    .addValue("version", after.version());
        }
        sql.append(" ORDER BY news_at, incident_id, version LIMIT :limit");
        return jdbc.query(sql.toString(), parameters, (row, number) -> event(row));
    }

    private static ReplayEvent event(ResultSet row) throws SQLException {
        return new ReplayEvent(
                new ReplayPosition(
                        row.getObject("news_at", OffsetDateTime.class).toInstant(),
                        row.getString("incident_id"),
                        row.getInt("version")),
                VersionKind.valueOf(row.getString("kind")));
    }
}

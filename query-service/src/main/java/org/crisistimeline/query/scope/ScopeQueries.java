package org.crisistimeline.query.scope;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Crises and actors whose name, id or alias holds the text, and the countries they belong to or that the text names;
 * at most {@value #AT_MOST} of each kind, so that a data set with many actors stays quick to search.
 */
@Component
class ScopeQueries {

    static final int AT_MOST = 20;

    private final NamedParameterJdbcTemplate jdbc;

    ScopeQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Scope> search(String text) {
        var parameters = new MapSqlParameterSource()
                .addValue(
                        "pattern",
                        "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .addValue("code", text.toUpperCase(Locale.ROOT))
                .addValue("atMost", AT_MOST);
        return jdbc.query(
                """
                WITH crises AS (
                    SELECT crisis_id, name, countries FROM crisis
                    WHERE name ILIKE :pattern OR crisis_id ILIKE :pattern
                    ORDER BY name LIMIT :atMost
                ), actors AS (
                    SELECT actor_id, name, country FROM actor
                    WHERE name ILIKE :pattern OR actor_id ILIKE :pattern OR aliases::text ILIKE :pattern
                    ORDER BY name LIMIT :atMost
                ), countries AS (
                    SELECT country FROM actors WHERE country IS NOT NULL
                    UNION SELECT jsonb_array_elements_text(countries) FROM crises
                    UNION SELECT CAST(:code AS text) WHERE EXISTS (
                        SELECT 1 FROM timeline_entry_version WHERE scope = 'country' AND scope_key = :code)
                )
                SELECT * FROM (
                    SELECT 'crisis' AS scope, crisis_id AS key, name, 0 AS rank FROM crises
                    UNION ALL SELECT 'country', country, country, 1 FROM (SELECT country FROM countries
                                                                          ORDER BY country LIMIT :atMost) c
                    UNION ALL SELECT 'actor', actor_id, name, 2 FROM actors
                ) found
                ORDER BY rank, name
                """,
                parameters,
                (row, number) -> new Scope(row.getString("scope"), row.getString("key"), row.getString("name")));
    }
}

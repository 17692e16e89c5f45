package org.crisistimeline.query.actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.query.system.Listing;
import org.crisistimeline.query.system.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class ActorQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    ActorQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    public Optional<ActorView> find(String actorId) {
        List<ActorView.Title> titles = jdbc.query(
                """
                SELECT title, from_date, to_date FROM actor_title
                WHERE actor_id = ?
                ORDER BY from_date, title
                """,
                (row, number) -> new ActorView.Title(
                        row.getString("title"),
                        row.getObject("from_date", LocalDate.class),
                        row.getObject("to_date", LocalDate.class)),
                actorId);
        return jdbc
                .query(
                        "SELECT * FROM actor WHERE actor_id = ?",
                        (row, number) -> new ActorView(
                                row.getString("actor_id"),
                                row.getString("name"),
                                ActorKind.valueOf(row.getString("kind")),
                                row.getString("country"),
                                aliases(row.getString("aliases")),
                                titles),
                        actorId)
                .stream()
                .findFirst();
    }

    public Page<ActorSummary> list(Listing listing) {
        var parameters = new MapSqlParameterSource()
                .addValue("pattern", listing.pattern())
                .addValue("after", listing.after())
                .addValue("rows", listing.limit() + 1);
        List<ActorSummary> rows = named.query(
                """
                SELECT actor_id, name, kind, country, aliases FROM actor
                WHERE (CAST(:pattern AS text) IS NULL OR name ILIKE :pattern
                       OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(aliases) alias WHERE alias ILIKE :pattern))
                  AND (CAST(:after AS text) IS NULL OR actor_id > :after)
                ORDER BY actor_id
                LIMIT :rows
                """,
                parameters,
                (row, number) -> new ActorSummary(
                        row.getString("actor_id"),
                        row.getString("name"),
                        ActorKind.valueOf(row.getString("kind")),
                        row.getString("country"),
                        aliases(row.getString("aliases"))));
        return Page.of(rows, listing.limit(), ActorSummary::actorId);
    }

    private List<String> aliases(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aliases in the read model are not JSON", e);
        }
    }
}

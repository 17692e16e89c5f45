package org.crisistimeline.query.actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crisistimeline.events.actor.ActorKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class ActorQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ActorQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
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

    private List<String> aliases(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aliases in the read model are not JSON", e);
        }
    }
}

package org.crisistimeline.query.crisis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class CrisisQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CrisisQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<CrisisView> find(String crisisId) {
        return jdbc
                .query(
                        "SELECT * FROM crisis WHERE crisis_id = ?",
                        (row, number) -> new CrisisView(
                                row.getString("crisis_id"),
                                row.getString("name"),
                                row.getString("summary"),
                                countries(row.getString("countries")),
                                row.getObject("started_on", LocalDate.class)),
                        crisisId)
                .stream()
                .findFirst();
    }

    private List<String> countries(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("countries in the read model are not JSON", e);
        }
    }
}

package org.crisistimeline.query.crisis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crisistimeline.query.system.Listing;
import org.crisistimeline.query.system.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class CrisisQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    CrisisQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    public Optional<CrisisView> find(String crisisId) {
        return jdbc.query("SELECT * FROM crisis WHERE crisis_id = ?", this::crisis, crisisId).stream()
                .findFirst();
    }

    public Page<CrisisView> list(Listing listing) {
        var parameters = new MapSqlParameterSource()
                .addValue("pattern", listing.pattern())
                .addValue("after", listing.after())
                .addValue("rows", listing.limit() + 1);
        List<CrisisView> rows = named.query("""
                SELECT * FROM crisis
                WHERE (CAST(:pattern AS text) IS NULL OR name ILIKE :pattern OR crisis_id ILIKE :pattern)
                  AND (CAST(:after AS text) IS NULL OR crisis_id > :after)
                ORDER BY crisis_id
                LIMIT :rows
                """, parameters, this::crisis);
        return Page.of(rows, listing.limit(), CrisisView::crisisId);
    }

    private CrisisView crisis(ResultSet row, int number) throws SQLException {
        return new CrisisView(
                row.getString("crisis_id"),
                row.getString("name"),
                row.getString("summary"),
                countries(row.getString("countries")),
                row.getObject("started_on", LocalDate.class));
    }

    private List<String> countries(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("countries in the read model are not JSON", e);
        }
    }
}

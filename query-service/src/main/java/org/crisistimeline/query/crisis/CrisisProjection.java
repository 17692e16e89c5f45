package org.crisistimeline.query.crisis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the crisis table; called by the read model inside the transaction of the event. */
@Component
public class CrisisProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    CrisisProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void opened(CrisisOpened crisis) {
        jdbc.update("""
                INSERT INTO crisis (crisis_id, name, summary, countries, started_on)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?)
                """, crisis.crisisId(), crisis.name(), crisis.summary(), toJson(crisis), crisis.startedOn());
    }

    private String toJson(CrisisOpened crisis) {
        try {
            return json.writeValueAsString(crisis.countries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("countries of " + crisis.crisisId() + " cannot be written", e);
        }
    }
}

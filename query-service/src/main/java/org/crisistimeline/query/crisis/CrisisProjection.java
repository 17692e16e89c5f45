package org.crisistimeline.query.crisis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.event.Projection;
import org.crisistimeline.query.event.ProjectionBatch;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the crisis table. */
@Component
@Order(Projection.OWN_TABLES)
class CrisisProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    CrisisProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(ProjectionBatch batch) {
        List<EventEnvelope> events = batch.events();
        List<Object[]> opened = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (event.payload() instanceof CrisisOpened crisis) {
                opened.add(on(crisis));
            }
        }
        if (!opened.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO crisis (crisis_id, name, summary, countries, started_on)
                    VALUES (?, ?, ?, CAST(? AS jsonb), ?)
                    """, opened);
        }
    }

    private Object[] on(CrisisOpened crisis) {
        return new Object[] {crisis.crisisId(), crisis.name(), crisis.summary(), toJson(crisis), crisis.startedOn()};
    }

    private String toJson(CrisisOpened crisis) {
        try {
            return json.writeValueAsString(crisis.countries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("countries of " + crisis.crisisId() + " cannot be written", e);
        }
    }
}

package org.crisistimeline.query.actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.actor.ActorRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the actor table; called by the read model inside the transaction of the event. */
@Component
public class ActorProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    ActorProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void registered(ActorRegistered actor) {
        jdbc.update("""
                INSERT INTO actor (actor_id, name, kind, country, aliases)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb))
                """, actor.actorId(), actor.name(), actor.kind().name(), actor.country(), aliases(actor));
    }

    private String aliases(ActorRegistered actor) {
        try {
            return json.writeValueAsString(actor.aliases());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aliases of " + actor.actorId() + " cannot be written", e);
        }
    }
}

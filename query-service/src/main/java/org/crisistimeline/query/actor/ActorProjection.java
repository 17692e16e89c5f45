package org.crisistimeline.query.actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.actor.ActorTitleAssigned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the actor tables; called by the read model inside the transaction of the event. */
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

    /** An alias already known is not added twice. */
    public void aliasAdded(ActorAliasAdded alias) {
        jdbc.update("""
                UPDATE actor SET aliases = aliases || jsonb_build_array(?::text)
                WHERE actor_id = ? AND NOT aliases @> jsonb_build_array(?::text)
                """, alias.alias(), alias.actorId(), alias.alias());
    }

    /**
     * A title is known by the actor, its name and when it began: assigning it again with the same start sets its end
     * (e.g. Foreign Secretary from 2019-07-24, then to 2021-09-15), any other start is another term.
     */
    public void titleAssigned(ActorTitleAssigned title) {
        jdbc.update("""
                INSERT INTO actor_title (actor_id, title, from_date, to_date) VALUES (?, ?, ?, ?)
                ON CONFLICT (actor_id, title, from_date) DO UPDATE SET to_date = excluded.to_date
                """, title.actorId(), title.title(), title.from(), title.to());
    }

    private String aliases(ActorRegistered actor) {
        try {
            return json.writeValueAsString(actor.aliases());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aliases of " + actor.actorId() + " cannot be written", e);
        }
    }
}

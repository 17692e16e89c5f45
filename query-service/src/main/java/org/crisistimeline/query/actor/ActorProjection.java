package org.crisistimeline.query.actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.actor.ActorTitleAssigned;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.event.Projection;
import org.crisistimeline.query.event.ProjectionBatch;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the actor tables: new actors in one multi-row insert, their aliases and titles after them. */
@Component
@Order(Projection.OWN_TABLES)
class ActorProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    ActorProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(ProjectionBatch batch) {
        List<EventEnvelope> events = batch.events();
        var changes = new Changes();
        for (EventEnvelope event : events) {
            Record payload = event.payload();
            if (payload instanceof ActorRegistered registered) {
                on(registered, changes);
            } else if (payload instanceof ActorAliasAdded alias) {
                on(alias, changes);
            } else if (payload instanceof ActorTitleAssigned title) {
                on(title, changes);
            }
        }
        changes.write(jdbc);
    }

    private void on(ActorRegistered actor, Changes changes) {
        changes.registered.add(
                new Object[] {actor.actorId(), actor.name(), actor.kind().name(), actor.country(), aliases(actor)});
    }

    /** An alias already known is not added twice. */
    private void on(ActorAliasAdded alias, Changes changes) {
        changes.aliases.add(new Object[] {alias.alias(), alias.actorId(), alias.alias()});
    }

    /**
     * A title is known by the actor, its name and when it began: assigning it again with the same start sets its end
     * (e.g. Foreign Secretary from 2019-07-24, then to 2021-09-15), any other start is another term.
     */
    private void on(ActorTitleAssigned title, Changes changes) {
        // the last assignment of a term in the batch is the one that stays, as if each had been written in turn
        var term = new Term(title.actorId(), title.title(), title.from());
        changes.titles.remove(term);
        changes.titles.put(term, title.to());
    }

    private String aliases(ActorRegistered actor) {
        try {
            return json.writeValueAsString(actor.aliases());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aliases of " + actor.actorId() + " cannot be written", e);
        }
    }

    private record Term(String actorId, String title, LocalDate from) {}

    private static final class Changes {

        private final List<Object[]> registered = new ArrayList<>();
        private final List<Object[]> aliases = new ArrayList<>();
        private final Map<Term, LocalDate> titles = new LinkedHashMap<>();

        void write(JdbcTemplate jdbc) {
            if (!registered.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO actor (actor_id, name, kind, country, aliases)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb))
                        """, registered);
            }
            if (!aliases.isEmpty()) {
                // in the order added: each sees the aliases before it
                jdbc.batchUpdate("""
                        UPDATE actor SET aliases = aliases || jsonb_build_array(?::text)
                        WHERE actor_id = ? AND NOT aliases @> jsonb_build_array(?::text)
                        """, aliases);
            }
            if (!titles.isEmpty()) {
                jdbc.batchUpdate(
                        """
                        INSERT INTO actor_title (actor_id, title, from_date, to_date) VALUES (?, ?, ?, ?)
                        ON CONFLICT (actor_id, title, from_date) DO UPDATE SET to_date = excluded.to_date
                        """,
                        titles.entrySet().stream()
                                .map(title -> new Object[] {
                                    title.getKey().actorId(),
                                    title.getKey().title(),
                                    title.getKey().from(),
                                    title.getValue()
                                })
                                .toList());
            }
        }
    }
}

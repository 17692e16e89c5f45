package org.crisistimeline.command.actor;

import java.util.Locale;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code actor_alias} in step with the actors' events. Its processing group is subscribing, so it runs in the
 * transaction that stores the event: an alias can be used the moment the actor's registration is acknowledged.
 */
@Component
@ProcessingGroup(ActorAliasIndex.PROCESSING_GROUP)
class ActorAliasIndex {

    static final String PROCESSING_GROUP = "actor-aliases";

    private final JdbcTemplate jdbc;

    ActorAliasIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ActorRegistered event) {
        Stream.concat(Stream.of(event.name()), event.aliases().stream()).forEach(name -> index(event.actorId(), name));
    }

    @EventHandler
    void on(ActorAliasAdded event) {
        index(event.actorId(), event.alias());
    }

    private void index(String actorId, String name) {
        jdbc.update(
                "INSERT INTO actor_alias (alias, actor_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                name.toLowerCase(Locale.ROOT),
                actorId);
    }
}

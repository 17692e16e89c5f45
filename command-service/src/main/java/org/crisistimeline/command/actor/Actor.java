package org.crisistimeline.command.actor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.events.actor.ActorRegistered;

/** A person, state, organisation, armed group or international body that incidents name. */
@Aggregate
public class Actor {

    @AggregateIdentifier
    private String actorId;

    private ActorRegistered registered;

    protected Actor() {
        // for Axon: created empty, then either handles its first command or replays its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterActor command) {
        ActorRegistered requested = command.toEvent();
        if (registered != null) {
            if (!registered.equals(requested)) {
                throw new IdAlreadyUsed("Actor '%s' was registered with a different body".formatted(command.id()));
            }
            return; // the same request again: already done
        }
        apply(requested);
    }

    @EventSourcingHandler
    void on(ActorRegistered event) {
        actorId = event.actorId();
        registered = event;
    }
}

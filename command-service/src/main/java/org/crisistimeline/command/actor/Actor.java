package org.crisistimeline.command.actor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.command.system.RuleViolation;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.actor.ActorTitleAssigned;

/** A person, state, organisation, armed group or international body that incidents name, with its titles over time. */
@Aggregate
public class Actor {

    @AggregateIdentifier
    private String actorId;

    private ActorRegistered registered;
    private long version;
    private final Set<String> names = new HashSet<>();
    private final Set<ActorTitleAssigned> titles = new HashSet<>();

    protected Actor() {
        // for Axon: created empty, then either handles its first command or replays its events
    }

    /** A new id, the usual case: created without reading the (empty) stream. An id with events goes to the next. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long create(RegisterActor command) {
        return handle(command);
    }

    @CommandHandler(commandName = RegisterActor.AGAIN)
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RegisterActor command) {
        ActorRegistered requested = command.toEvent();
        if (registered != null) {
            if (!registered.equals(requested)) {
                throw new IdAlreadyUsed("Actor '%s' was registered with a different body".formatted(command.id()));
            }
            return 1; // the same request again: answered as the first time
        }
        apply(requested);
        return version;
    }

    @CommandHandler
    long handle(AssignActorTitle command) {
        existing(command.actorId());
        if (command.to() != null && command.to().isBefore(command.from())) {
            throw new RuleViolation(List.of(new InvalidField("to", "must not be before from")));
        }
        ActorTitleAssigned title = new ActorTitleAssigned(actorId, command.title(), command.from(), command.to());
        if (titles.contains(title)) {
            return version; // assigned already: a retry
        }
        apply(title);
        return version;
    }

    @CommandHandler
    long handle(AddActorAlias command) {
        existing(command.actorId());
        if (names.contains(command.alias().toLowerCase(Locale.ROOT))) {
            return version; // known by this name already
        }
        apply(new ActorAliasAdded(actorId, command.alias()));
        return version;
    }

    private void existing(String id) {
        if (registered == null) {
            // the id's events belong to another kind of aggregate, so for actors it does not exist
            throw new AggregateNotFoundException(id, "No actor with this id");
        }
    }

    @EventSourcingHandler
    void on(ActorRegistered event) {
        actorId = event.actorId();
        registered = event;
        names.add(event.name().toLowerCase(Locale.ROOT));
        event.aliases().forEach(alias -> names.add(alias.toLowerCase(Locale.ROOT)));
        version++;
    }

    @EventSourcingHandler
    void on(ActorTitleAssigned event) {
        titles.add(event);
        version++;
    }

    @EventSourcingHandler
    void on(ActorAliasAdded event) {
        names.add(event.alias().toLowerCase(Locale.ROOT));
        version++;
    }
}

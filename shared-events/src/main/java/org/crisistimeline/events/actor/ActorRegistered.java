package org.crisistimeline.events.actor;

import java.util.List;

/** An actor became known: a person, state, organisation, armed group or international body. */
public record ActorRegistered(String actorId, String name, ActorKind kind, String country, List<String> aliases) {

    public ActorRegistered {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}

package org.crisistimeline.events.actor;

import jakarta.validation.constraints.NotBlank;

/** Another name the actor is known by, e.g. "Mr Johnson"; incidents may name the actor by it when recorded. */
public record ActorAliasAdded(
        @NotBlank String actorId, @NotBlank String alias) {}

package org.crisistimeline.events.actor;

/** Another name the actor is known by, e.g. "Mr Johnson"; incidents may name the actor by it when recorded. */
public record ActorAliasAdded(String actorId, String alias) {}

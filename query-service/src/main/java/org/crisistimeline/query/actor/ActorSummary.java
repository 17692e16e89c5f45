package org.crisistimeline.query.actor;

import java.util.List;
import org.crisistimeline.events.actor.ActorKind;

/**
 * An actor as listed: what finds it (its name and other names) and what tells it apart; its titles are on its own
 * page.
 */
public record ActorSummary(String actorId, String name, ActorKind kind, String country, List<String> aliases) {}

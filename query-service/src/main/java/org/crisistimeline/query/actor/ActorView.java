package org.crisistimeline.query.actor;

import java.time.LocalDate;
import java.util.List;
import org.crisistimeline.events.actor.ActorKind;

/**
 * An actor with the other names it is known by and the titles it held.
 *
 * @param country ISO 3166-1 alpha-2, or null (international bodies)
 * @param titles in the order they began
 */
public record ActorView(
        String actorId, String name, ActorKind kind, String country, List<String> aliases, List<Title> titles) {

    /** @param to null while the title is held */
    public record Title(String title, LocalDate from, LocalDate to) {}
}

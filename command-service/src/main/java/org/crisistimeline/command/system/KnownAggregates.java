package org.crisistimeline.command.system;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Which aggregates exist, so a command can refuse to name an actor or a crisis nobody recorded. */
public interface KnownAggregates {

    /** The ids among {@code ids} that are not aggregates of the given type, e.g. {@code "Actor"}. */
    Set<String> missing(String aggregateType, Collection<String> ids);

    /** The type of the aggregate with this id, if there is one. */
    Optional<String> typeOf(String id);

    /** The actors known by this name or alias, in any case. */
    Set<String> actorsNamed(String name);

    default boolean exists(String aggregateType, String id) {
        return missing(aggregateType, Set.of(id)).isEmpty();
    }
}

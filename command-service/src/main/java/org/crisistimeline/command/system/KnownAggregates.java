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

    /**
     * The same questions about these references (ids, or actors' names), answered from what is read about all of them
     * at once: a command that checks a crisis and several actors costs one query instead of one per question.
     * Questions about other references are asked as usual.
     */
    default KnownAggregates about(Collection<String> references) {
        return this;
    }
}

package org.crisistimeline.command.system;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the event store held about some references, read together: the type of each that is an aggregate's id, and the
 * actors each is a name of (names lower-cased). An actor found by a name is known to exist too (the name entered
 * {@code actor_alias} in the transaction that stored the actor), so checking an actor after resolving its name costs
 * nothing more. Anything else is asked of the store.
 */
record KnownReferences(
        Set<String> idsRead,
        Map<String, String> types,
        Set<String> namesRead,
        Map<String, Set<String>> names,
        KnownAggregates store)
        implements KnownAggregates {

    @Override
    public Set<String> missing(String aggregateType, Collection<String> ids) {
        if (!idsRead.containsAll(ids)) {
            return store.missing(aggregateType, ids);
        }
        Set<String> missing = new HashSet<>();
        ids.stream().filter(id -> !aggregateType.equals(types.get(id))).forEach(missing::add);
        return missing;
    }

    @Override
    public Optional<String> typeOf(String id) {
        return idsRead.contains(id) ? Optional.ofNullable(types.get(id)) : store.typeOf(id);
    }

    @Override
    public Set<String> actorsNamed(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return namesRead.contains(key) ? names.getOrDefault(key, Set.of()) : store.actorsNamed(name);
    }
}

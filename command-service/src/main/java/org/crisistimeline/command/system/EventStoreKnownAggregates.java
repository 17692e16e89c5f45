package org.crisistimeline.command.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the first event of each stream straight from the event store, and actors' names from {@code actor_alias}: both
 * are written in the transaction that acknowledges the write, so there is no lag as there would be with a projection.
 */
@Component
class EventStoreKnownAggregates implements KnownAggregates {

    private final JdbcTemplate jdbc;

    EventStoreKnownAggregates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> missing(String aggregateType, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> found = jdbc.queryForList(
                "SELECT aggregate_identifier FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ANY (?) AND sequence_number = 0 AND type = ?",
                String.class,
                ids.toArray(String[]::new),
                aggregateType);
        Set<String> missing = new HashSet<>(ids);
        found.forEach(missing::remove);
        return missing;
    }

    @Override
    public Set<String> actorsNamed(String name) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT actor_id FROM actor_alias WHERE alias = ?", String.class, name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public KnownAggregates about(Collection<String> references) {
        Set<String> ids = references.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> names = new HashSet<>();
        ids.forEach(reference -> names.add(reference.toLowerCase(Locale.ROOT)));
        Map<String, String> types = new HashMap<>();
        Map<String, Set<String>> actorsByName = new HashMap<>();
        Set<String> idsRead = new HashSet<>(ids);
        // one round trip for every question a command asks about the aggregates it names
        jdbc.query(
                "SELECT aggregate_identifier, type, NULL AS actor_id FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ANY (?) AND sequence_number = 0"
                        + " UNION ALL SELECT alias, NULL, actor_id FROM actor_alias WHERE alias = ANY (?)",
                row -> {
                    String actorId = row.getString(3);
                    if (actorId == null) {
                        types.put(row.getString(1), row.getString(2));
                    } else {
                        actorsByName
                                .computeIfAbsent(row.getString(1), name -> new HashSet<>())
                                .add(actorId);
                        types.put(actorId, "Actor");
                        idsRead.add(actorId);
                    }
                },
                ids.toArray(String[]::new),
                names.toArray(String[]::new));
        return new KnownReferences(idsRead, types, names, actorsByName, this);
    }

    @Override
    public Optional<String> typeOf(String id) {
        return jdbc
                .queryForList(
                        "SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                        String.class,
                        id)
                .stream()
                .findFirst();
    }
}

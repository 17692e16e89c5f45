package org.crisistimeline.command.system;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

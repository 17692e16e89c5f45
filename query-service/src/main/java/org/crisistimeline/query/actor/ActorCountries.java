package org.crisistimeline.query.actor;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The countries of registered actors, for the projections that put incidents on their actors' countries' timelines. */
@Component
public class ActorCountries {

    private final JdbcTemplate jdbc;

    ActorCountries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the country of each of those actors that is registered with one, as the transaction sees them now */
    public Map<String, String> of(Collection<String> actorIds) {
        Map<String, String> countries = new HashMap<>();
        if (actorIds.isEmpty()) {
            return countries;
        }
        jdbc.query(
                "SELECT actor_id, country FROM actor WHERE actor_id = ANY (?) AND country IS NOT NULL",
                (RowCallbackHandler) row -> countries.put(row.getString(1), row.getString(2)),
                (Object) actorIds.toArray(String[]::new));
        return countries;
    }
}

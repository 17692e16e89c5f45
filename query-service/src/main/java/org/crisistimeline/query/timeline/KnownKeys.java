package org.crisistimeline.query.timeline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether the read model knows an actor or a crisis, for the 404 of a timeline of neither. */
@Component
class KnownKeys {

    private final JdbcTemplate jdbc;

    KnownKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean actor(String actorId) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM actor WHERE actor_id = ?)", Boolean.class, actorId));
    }

    boolean crisis(String crisisId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM crisis WHERE crisis_id = ?)", Boolean.class, crisisId));
    }
}

package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A read model kept before the audit trail moved into the event log (V32) keeps who recorded each event and why. */
class EventLogMigrationTest {

    @Test
    void theAuditTrailOfAnExistingReadModelMovesIntoItsEventLog() {
        try (var dataSource = ReadModelDatabase.emptyDatabase()) {
            Flyway.configure().dataSource(dataSource).target("31").load().migrate();
            var jdbc = new JdbcTemplate(dataSource);
            // the audit trail numbered apart from the log, in another order, as two consumers could commit them
            jdbc.update("""
                    INSERT INTO event_log (event_type, aggregate_id, sequence, recorded_at, countries, actors, types)
                    VALUES ('IncidentRecorded', 'strike', 0, '2020-01-03T00:32:00Z', '{IQ}', '{}', '{STRIKE}'),
                           ('IncidentAmended', 'strike', 1, '2020-01-04T10:00:00Z', '{IQ}', '{}', '{STRIKE}'),
                           ('ActorRegistered', 'irgc', 0, '2020-01-04T11:00:00Z', '{IR}', '{irgc}', '{}')
                    """);
            jdbc.update("""
                    INSERT INTO audit_entry (event_type, aggregate_id, sequence, recorded_at, principal, reason)
                    VALUES ('ActorRegistered', 'irgc', 0, '2020-01-04T11:00:00Z', 'recorder-1', null),
                           ('IncidentRecorded', 'strike', 0, '2020-01-03T00:32:00Z', 'recorder-1', null),
                           ('IncidentAmended', 'strike', 1, '2020-01-04T10:00:00Z', 'editor-2', 'Pentagon confirmed')
                    """);

            Flyway.configure().dataSource(dataSource).load().migrate();

            assertThat(jdbc.queryForList(
                            "SELECT aggregate_id || '#' || sequence || ' ' || principal || ' ' || coalesce(reason, '-')"
                                    + " FROM event_log ORDER BY position",
                            String.class))
                    .containsExactly(
                            "strike#0 recorder-1 -", "strike#1 editor-2 Pentagon confirmed", "irgc#0 recorder-1 -");
            assertThat(jdbc.queryForObject("SELECT to_regclass('audit_entry') IS NULL", Boolean.class))
                    .isTrue();
        }
    }
}

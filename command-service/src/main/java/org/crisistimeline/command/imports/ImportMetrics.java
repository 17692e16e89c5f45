package org.crisistimeline.command.imports;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Import jobs running and waiting their turn, counted from import_job when Prometheus scrapes, so every instance
 * reports the same figures whichever of them runs a job.
 */
@Component
class ImportMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    ImportMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : new String[] {"RUNNING", "QUEUED"}) {
            Gauge.builder("crisis.timeline.import.jobs", this, metrics -> metrics.jobs(state))
                    .tag("state", state.toLowerCase(Locale.ROOT))
                    .description("Import jobs in this state")
                    .register(registry);
        }
    }

    private double jobs(String state) {
        try {
            Long count = jdbc.queryForObject("SELECT count(*) FROM import_job WHERE state = ?", Long.class, state);
            return count == null ? 0 : count;
        } catch (DataAccessException e) {
            return Double.NaN; // the database out of reach: no figure rather than a wrong one
        }
    }
}

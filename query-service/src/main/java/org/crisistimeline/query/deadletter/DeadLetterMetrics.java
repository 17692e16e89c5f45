package org.crisistimeline.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Dead letters not yet retried, counted when Prometheus scrapes: each holds back the later events of its aggregate. */
@Component
class DeadLetterMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    DeadLetterMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("crisis.timeline.dead.letters.open", this, DeadLetterMetrics::open)
                .description("Dead letters waiting for a retry; the later events of their aggregates wait behind them")
                .register(registry);
    }

    private double open() {
        try {
            // answered from the partial index of open dead letters
            Long open = jdbc.queryForObject("SELECT count(*) FROM dead_letter WHERE resolved_at IS NULL", Long.class);
            return open == null ? 0 : open;
        } catch (DataAccessException e) {
            return Double.NaN; // the database out of reach: no figure rather than a wrong one
        }
    }
}

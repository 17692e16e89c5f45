package org.crisistimeline.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisistimeline.query.event.EventEnvelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/**
 * How far behind the read model is, in time: when a poll is applied, how long ago its newest event was recorded; zero
 * once the consumers have had nothing to read for a while. Kafka's own lag meter counts records, not seconds.
 */
@Component
class ProjectionLag implements MeterBinder {

    private final Clock clock;
    private volatile double seconds;

    @Autowired
    ProjectionLag() {
        this(Clock.systemUTC());
    }

    ProjectionLag(Clock clock) {
        this.clock = clock;
    }

    void applied(List<EventEnvelope> events) {
        events.stream()
                .map(EventEnvelope::recordedAt)
                .max(Instant::compareTo)
                .ifPresent(newest -> seconds =
                        Math.max(0, Duration.between(newest, clock.instant()).toMillis() / 1000.0));
    }

    @EventListener
    void onIdle(ListenerContainerIdleEvent idle) {
        seconds = 0;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("crisis.timeline.projection.lag", this, lag -> lag.seconds)
                .baseUnit("seconds")
                .description("How long ago the newest event of the last poll applied was recorded; 0 when idle")
                .register(registry);
    }
}

package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.crisistimeline.events.EventType;
import org.crisistimeline.query.Events;
import org.crisistimeline.query.event.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.event.ListenerContainerIdleEvent;

/** The read model's lag in seconds: the age of the newest event of the last poll, zero once idle. */
class ProjectionLagTest {

    private static final Instant NOW = Instant.parse("2020-01-08T12:00:00Z");

    private final ProjectionLag lag = new ProjectionLag(Clock.fixed(NOW, ZoneOffset.UTC));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aPollOfOldEventsShowsHowOldItsNewestIsAndIdleShowsZero() {
        lag.bindTo(registry);

        lag.applied(List.of(crisisEvent("a", NOW.minusSeconds(90)), crisisEvent("b", NOW.minusSeconds(30))));

        assertThat(seconds()).isEqualTo(30.0);

        lag.onIdle(new ListenerContainerIdleEvent(this, this, 5_000, "listener", List.of(), null, false));

        assertThat(seconds()).isZero();
    }

    private double seconds() {
        return registry.get("crisis.timeline.projection.lag").gauge().value();
    }

    private static EventEnvelope crisisEvent(String crisisId, Instant recordedAt) {
        return new EventEnvelope(EventType.CRISIS_OPENED, crisisId, 0, recordedAt, Events.crisis(crisisId));
    }
}

package org.crisistimeline.command.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The publisher as a health component ({@code publisher}): {@code DEGRADED} when events wait in the store and its
 * position has not moved for {@code crisis-timeline.publishing.stalled-after}, usually Kafka down or refusing. Writes
 * go on being accepted meanwhile (the store is the outbox), so it is not part of readiness and a degraded publisher
 * answers 200; the details say how far behind it is and since when.
 */
@Component("publisher")
@EnableConfigurationProperties(PublishingSettings.class)
class PublisherHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "events wait in the store and the publisher does not move");

    private final PublisherMetrics positions;
    private final Duration stalledAfter;
    private final Clock clock;
    private double lastPublished = Double.NaN;
    private Instant movedAt;

    @Autowired
    PublisherHealth(PublisherMetrics positions, PublishingSettings settings) {
        this(positions, settings.stalledAfter(), Clock.systemUTC());
    }

    PublisherHealth(PublisherMetrics positions, Duration stalledAfter, Clock clock) {
        this.positions = positions;
        this.stalledAfter = stalledAfter;
        this.clock = clock;
    }

    @Override
    public Health health() {
        return judge(positions.storeHead(), positions.publishedPosition(), clock.instant());
    }

    synchronized Health judge(double head, double published, Instant now) {
        if (Double.isNaN(head) || Double.isNaN(published)) {
            // the store out of reach (readiness says so), or the publisher's segment held by another instance
            return Health.unknown().build();
        }
        if (published != lastPublished || movedAt == null) {
            lastPublished = published;
            movedAt = now;
        }
        double waiting = Math.max(0, head - published);
        boolean stalled = waiting > 0 && !movedAt.plus(stalledAfter).isAfter(now);
        return Health.status(stalled ? DEGRADED : Status.UP)
                .withDetail("waiting", (long) waiting)
                .withDetail("publishedPosition", (long) published)
                .withDetail("lastMovedAt", movedAt.toString())
                .build();
    }
}

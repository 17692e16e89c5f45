package org.crisistimeline.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class PublisherHealthTest {

    private static final Instant START = Instant.parse("2020-01-08T12:00:00Z");

    // the positions are given to judge directly; the clock of the constructor is not asked
    private final PublisherHealth health = new PublisherHealth(null, Duration.ofMinutes(2), null);

    @Test
    void aPublisherThatKeepsUpIsUp() {
        assertThat(health.judge(100, 100, START).getStatus()).isEqualTo(Status.UP);
        assertThat(health.judge(100, 100, START.plus(Duration.ofHours(1))).getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void eventsWaitingBehindAPublisherThatDoesNotMoveMakeItDegraded() {
        health.judge(100, 90, START);

        assertThat(health.judge(120, 90, START.plus(Duration.ofSeconds(119))).getStatus())
                .isEqualTo(Status.UP);
        var stalled = health.judge(130, 90, START.plus(Duration.ofMinutes(2)));
        assertThat(stalled.getStatus()).isEqualTo(PublisherHealth.DEGRADED);
        assertThat(stalled.getDetails()).containsEntry("waiting", 40L).containsEntry("publishedPosition", 90L);
    }

    @Test
    void aPublisherThatMovesAgainIsUpAgain() {
        health.judge(100, 90, START);
        health.judge(100, 90, START.plus(Duration.ofMinutes(3)));

        assertThat(health.judge(100, 95, START.plus(Duration.ofMinutes(4))).getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void noPositionIsUnknownNotDown() {
        assertThat(health.judge(Double.NaN, 90, START).getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.judge(100, Double.NaN, START).getStatus()).isEqualTo(Status.UNKNOWN);
    }
}

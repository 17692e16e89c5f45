package org.crisistimeline.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A bad setting stops the start with a message naming it, instead of a service that misbehaves later. */
class StreamSettingsTest {

    @EnableConfigurationProperties(StreamSettings.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "crisis-timeline.stream.max-concurrent=100",
                    "crisis-timeline.stream.max-per-client=10",
                    "crisis-timeline.stream.poll-interval=200ms",
                    "crisis-timeline.stream.timeout=30m");

    @Test
    void aHeartbeatOfNothingIsRefusedAtStart() {
        context.withPropertyValues("crisis-timeline.stream.heartbeat=0s")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("crisis-timeline.stream.heartbeat"));
    }

    @Test
    void aMissingHeartbeatIsRefusedAtStart() {
        context.run(started -> assertThat(started)
                .getFailure()
                .rootCause()
                .hasMessageContaining("crisis-timeline.stream.heartbeat")
                .hasMessageContaining("must not be null"));
    }

    @Test
    void goodSettingsBind() {
        context.withPropertyValues("crisis-timeline.stream.heartbeat=15s")
                .run(started -> assertThat(started.getBean(StreamSettings.class).heartbeat())
                        .isEqualTo(Duration.ofSeconds(15)));
    }
}

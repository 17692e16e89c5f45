package org.crisistimeline.command.publishing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.publishing}: how the publisher waits for Kafka and when it counts as stalled.
 *
 * @param ackTimeout how long a batch waits for Kafka's acknowledgements before it is retried
 * @param stalledAfter events waiting and the position unmoved this long: the health component publisher is DEGRADED (PUBLISHER_STALLED_AFTER)
 */
@ConfigurationProperties("crisis-timeline.publishing")
@Validated
record PublishingSettings(
        @NotNull @DurationMin(millis = 1) Duration ackTimeout,
        @NotNull @DurationMin(millis = 1) Duration stalledAfter) {}

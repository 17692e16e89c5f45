package org.crisistimeline.query.projection;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.consumer}: how a record that fails is retried, then dead-lettered (application.yml says why).
 *
 * @param retryInitialInterval the first wait after a transient failure, doubled up to retryMaxInterval, for ever
 * @param retryMaxInterval the longest wait between two tries of a transient failure
 * @param poisonAttempts tries of a record failing otherwise before it is dead-lettered (CONSUMER_POISON_ATTEMPTS)
 * @param poisonRetryInterval the wait between those tries
 */
@ConfigurationProperties("crisis-timeline.consumer")
@Validated
record ConsumerSettings(
        @NotNull @DurationMin(millis = 1) Duration retryInitialInterval,
        @NotNull @DurationMin(millis = 1) Duration retryMaxInterval,
        @Min(1) int poisonAttempts,
        @NotNull Duration poisonRetryInterval) {}

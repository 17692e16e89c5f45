package org.crisistimeline.command.system;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.event-store}: how the publisher's stream reads the store and gives gaps up (application.yml says why).
 *
 * @param fetchBatchSize rows per query when the store is read
 * @param maxGapOffset later events a gap waits for (EVENT_STORE_MAX_GAP_OFFSET)
 * @param gapTimeout how old the events after a gap may be before it is given up (EVENT_STORE_GAP_TIMEOUT)
 * @param readAfterCommit how long after a commit the store is read for the publisher; 0: at once, as Axon does
 */
@ConfigurationProperties("crisis-timeline.event-store")
@Validated
record EventStoreSettings(
        @Min(1) int fetchBatchSize,
        @Min(1) int maxGapOffset,
        @NotNull @DurationMin(millis = 1) Duration gapTimeout,

        @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 1)
        Duration readAfterCommit) {}

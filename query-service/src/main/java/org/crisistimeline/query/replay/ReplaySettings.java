package org.crisistimeline.query.replay;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.replay}: how many replays run and how long they may wait.
 *
 * @param maxConcurrent replays sent at once; one more is answered 503 (REPLAY_MAX_CONCURRENT)
 * @param maxWait the longest pause between two events, whatever the speed
 * @param timeout a replay still running then is ended
 */
@ConfigurationProperties("crisis-timeline.replay")
@Validated
record ReplaySettings(
        @Min(1) int maxConcurrent,
        @NotNull @DurationMin(millis = 1) Duration maxWait,
        @NotNull @DurationMin(millis = 1) Duration timeout) {}

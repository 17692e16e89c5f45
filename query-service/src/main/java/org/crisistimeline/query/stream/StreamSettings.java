package org.crisistimeline.query.stream;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.stream}: how many live streams are open and how they are kept alive.
 *
 * @param maxConcurrent live streams open at once; one more is answered 503 (STREAM_MAX_CONCURRENT)
 * @param maxPerClient of which one client may hold this many; one more is answered 429 (STREAM_MAX_PER_CLIENT)
 * @param heartbeat a comment is sent when nothing else was for this long
 * @param pollInterval how often the head of the event log is looked at while a stream waits
 * @param timeout a stream is ended after this long; clients reconnect with Last-Event-ID
 */
@ConfigurationProperties("crisis-timeline.stream")
@Validated
record StreamSettings(
        @Min(1) int maxConcurrent,
        @Min(1) int maxPerClient,
        @NotNull @DurationMin(millis = 1) Duration heartbeat,
        @NotNull @DurationMin(millis = 1) Duration pollInterval,
        @NotNull @DurationMin(millis = 1) Duration timeout) {}

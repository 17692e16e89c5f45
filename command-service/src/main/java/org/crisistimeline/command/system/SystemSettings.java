package org.crisistimeline.command.system;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.*}: the limits and addresses of the write API as a whole.
 *
 * @param maxRequestSize a larger body is refused with 413 before it is parsed
 * @param maxCheckpointSize the same for a checkpoint to verify against, which lists every aggregate's head
 * @param queryBaseUrl where the query service answers: the Location of a created aggregate points there (QUERY_BASE_URL)
 */
@ConfigurationProperties("crisis-timeline")
@Validated
record SystemSettings(
        @NotNull DataSize maxRequestSize,
        @NotNull DataSize maxCheckpointSize,
        @NotNull URI queryBaseUrl) {}

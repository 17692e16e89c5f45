package org.crisistimeline.events.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Another report of an incident was attached. If it was published before every earlier source, it moves the
 * incident's reportedAt earlier: reportedAt is the earliest publication, not the first attached.
 */
public record SourceAttached(
        @NotBlank String incidentId, @NotNull @Valid Source source) {}

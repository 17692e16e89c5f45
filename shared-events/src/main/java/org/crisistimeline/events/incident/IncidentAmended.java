package org.crisistimeline.events.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A correction of a recorded incident, and why it was made. Only the fields in {@code changes} changed. */
public record IncidentAmended(
        @NotBlank String incidentId,
        @NotNull @Valid IncidentChanges changes,
        @NotBlank String reason) {}

package org.crisistimeline.events.incident.details;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sanctions threatened, imposed or lifted. */
public record SanctionDetails(
        @NotBlank @Size(max = 1000) String measure, @NotNull Status status) implements IncidentDetails {

    public enum Status {
        THREATENED,
        IMPOSED,
        LIFTED
    }
}

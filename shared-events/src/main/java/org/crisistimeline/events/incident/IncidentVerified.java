package org.crisistimeline.events.incident;

import jakarta.validation.constraints.NotBlank;

/** An editor confirmed the incident as recorded. */
public record IncidentVerified(
        @NotBlank String incidentId, @NotBlank String reason) {}

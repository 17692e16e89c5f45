package org.crisistimeline.events.incident;

import jakarta.validation.constraints.NotBlank;

/** An editor questioned the incident as recorded; it stays on the timelines, marked disputed. */
public record IncidentDisputed(
        @NotBlank String incidentId, @NotBlank String reason) {}

package org.crisistimeline.events.incident;

import jakarta.validation.constraints.NotBlank;

/**
 * The incident should not have been recorded (it did not happen, or duplicates another). Its history stays; it leaves
 * the current timelines, and nothing more is accepted for it.
 */
public record IncidentRetracted(
        @NotBlank String incidentId, @NotBlank String reason) {}

package org.crisistimeline.events.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The incident relates to another one: {@code incidentId relation targetId}, e.g. a strike RETALIATION_FOR another. */
public record IncidentLinked(
        @NotBlank String incidentId,
        @NotBlank String targetId,
        @NotNull LinkRelation relation) {}

package org.crisistimeline.events.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An actor named in an incident, with the part it played. */
public record IncidentActor(
        @NotBlank String actorId, @NotNull ActorRole role) {}

package org.crisistimeline.events.incident.details;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An agreement between parties, and what happened to it. */
public record AgreementDetails(
        @NotBlank @Size(max = 500) String agreement,
        @NotNull Status status) implements IncidentDetails {

    public enum Status {
        PROPOSED,
        SIGNED,
        SUSPENDED,
        WITHDRAWN
    }
}

package org.crisistimeline.events.incident.details;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** An armed strike: how it was carried out, what it hit and whom it killed or injured. */
public record StrikeDetails(
        @NotNull Method method,
        @NotBlank @Size(max = 500) String target,
        @Valid Casualties casualties) implements IncidentDetails {

    public enum Method {
        AIRSTRIKE,
        DRONE,
        MISSILE,
        ROCKET,
        ARTILLERY,
        BOMBING,
        GROUND_ASSAULT,
        CYBER,
        OTHER
    }

    /** Counts as reported; null means not reported, not zero. */
    public record Casualties(
            @PositiveOrZero Integer killed, @PositiveOrZero Integer injured) {}
}

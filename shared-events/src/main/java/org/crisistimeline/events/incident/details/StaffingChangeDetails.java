package org.crisistimeline.events.incident.details;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A change of the staff at a mission (an embassy, a base). Headcounts are null when not reported. */
public record StaffingChangeDetails(
        @NotBlank @Size(max = 200) String mission,
        @NotNull Personnel personnel,
        @NotNull Change change,
        @PositiveOrZero Integer headcountBefore,
        @PositiveOrZero Integer headcountAfter)
        implements IncidentDetails {

    public enum Personnel {
        DIPLOMATIC,
        MILITARY,
        CONTRACTORS,
        DEPENDANTS,
        ALL
    }

    public enum Change {
        REDUCED,
        WITHDRAWN,
        REINFORCED,
        SUSPENDED,
        RESTORED
    }
}

package org.crisistimeline.events.incident.details;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A vote of a parliament, council or other body on a motion. Counts are null when not reported. */
public record VoteDetails(
        @NotBlank @Size(max = 200) String body,
        @NotBlank @Size(max = 1000) String motion,
        @NotNull Outcome outcome,
        @PositiveOrZero Integer votesFor,
        @PositiveOrZero Integer votesAgainst,
        @PositiveOrZero Integer abstentions)
        implements IncidentDetails {

    public enum Outcome {
        PASSED,
        REJECTED,
        WITHDRAWN,
        PENDING
    }
}

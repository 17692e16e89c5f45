package org.crisistimeline.events.incident.details;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A protest, march or mass gathering. The crowd estimate is null when not reported. */
public record ProtestDetails(
        @PositiveOrZero Integer crowdEstimate,
        @Size(max = 1000) String demands) implements IncidentDetails {}

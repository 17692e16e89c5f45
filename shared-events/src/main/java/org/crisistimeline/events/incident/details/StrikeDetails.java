package org.crisistimeline.events.incident.details;

import com.fasterxml.jackson.annotation.JsonClassDescription;
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

    /**
     * The people killed and injured, as estimates. Null means not reported, not zero. (Version 1 of IncidentRecorded
     * had plain counts; the upcaster makes each count an estimate with low = best = high.)
     */
    public record Casualties(@Valid Estimate killed, @Valid Estimate injured) {}

    /**
     * A reported count as UCDP gives fatalities: the lowest and the highest figure reported and, where the sources
     * allow one, the best estimate. One reported figure is an estimate with low = best = high.
     */
    @OrderedEstimate
    @JsonClassDescription("A reported count: low <= best <= high, all >= 0; best is left out when the sources give no"
            + " best estimate")
    public record Estimate(
            @NotNull @PositiveOrZero Integer low,
            @PositiveOrZero Integer best,
            @NotNull @PositiveOrZero Integer high) {

        /** One figure reported, e.g. "ten people were killed". */
        public static Estimate exactly(int count) {
            return new Estimate(count, count, count);
        }
    }
}

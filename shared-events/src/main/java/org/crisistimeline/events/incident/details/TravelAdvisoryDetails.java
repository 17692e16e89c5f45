package org.crisistimeline.events.incident.details;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crisistimeline.events.country.IsoCountry;

/** A government's advice to its citizens about travel to a country. */
public record TravelAdvisoryDetails(
        @NotNull @IsoCountry String destination,
        @NotNull Level level,
        @Size(max = 1000) String advice) implements IncidentDetails {

    public enum Level {
        EXERCISE_CAUTION,
        AGAINST_ALL_BUT_ESSENTIAL_TRAVEL,
        AGAINST_ALL_TRAVEL
    }
}

package org.crisistimeline.events.crisis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.crisistimeline.events.country.IsoCountry;

/** A crisis was opened: incidents can now be recorded in it. {@code summary} is optional. */
public record CrisisOpened(
        @NotBlank String crisisId,
        @NotBlank String name,
        String summary,
        @NotEmpty List<@NotNull @IsoCountry String> countries,
        @NotNull LocalDate startedOn) {

    public CrisisOpened {
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}

package org.crisistimeline.command.crisis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisistimeline.command.system.Ids;
import org.crisistimeline.events.country.IsoCountry;
import org.crisistimeline.events.crisis.CrisisOpened;

/** The body of {@code POST /api/v1/crises}. */
public record OpenCrisis(
        @TargetAggregateIdentifier @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
        String id,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String summary,
        @NotEmpty @Size(max = 50) List<@NotNull @IsoCountry String> countries,
        @NotNull LocalDate startedOn) {

    /** The name under which the service sends this command again when its id has events already (AggregateWrites). */
    public static final String AGAIN = "OpenCrisis again";

    CrisisOpened toEvent() {
        return new CrisisOpened(id, name, summary, countries, startedOn);
    }
}

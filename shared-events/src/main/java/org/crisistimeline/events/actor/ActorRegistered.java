package org.crisistimeline.events.actor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.crisistimeline.events.country.IsoCountry;

/**
 * An actor became known: a person, state, organisation, armed group or international body. {@code country} is absent
 * for an actor of no country (an international body); {@code aliases} is always there, maybe empty.
 */
public record ActorRegistered(
        @NotBlank String actorId,
        @NotBlank String name,
        @NotNull ActorKind kind,
        @IsoCountry String country,
        @NotNull List<@NotBlank String> aliases) {

    public ActorRegistered {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}

package org.crisistimeline.command.actor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisistimeline.command.system.Ids;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.country.IsoCountry;

/** The body of {@code POST /api/v1/actors}. {@code country} may be left out, e.g. for an international body. */
public record RegisterActor(
        @TargetAggregateIdentifier @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
        String id,

        @NotBlank @Size(max = 200) String name,
        @NotNull ActorKind kind,
        @IsoCountry String country,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> aliases) {

    /** The name under which the service sends this command again when its id has events already (AggregateWrites). */
    public static final String AGAIN = "RegisterActor again";

    ActorRegistered toEvent() {
        return new ActorRegistered(id, name, kind, country, aliases);
    }
}

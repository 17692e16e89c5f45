package org.crisistimeline.events.actor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** An actor held a title for a period, e.g. Foreign Secretary from 2019-07-24; {@code to} is null while it lasts. */
public record ActorTitleAssigned(
        @NotBlank String actorId,
        @NotBlank String title,
        @NotNull LocalDate from,
        LocalDate to) {}

package org.crisistimeline.command.actor;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignActorTitle(@TargetAggregateIdentifier String actorId, String title, LocalDate from, LocalDate to) {}

package org.crisistimeline.command.actor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddActorAlias(@TargetAggregateIdentifier String actorId, String alias) {}

package org.crisistimeline.command.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetractIncident(@TargetAggregateIdentifier String incidentId, long expectedVersion, String reason) {}

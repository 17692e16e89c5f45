package org.crisistimeline.command.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisistimeline.events.incident.Source;

public record AttachSource(@TargetAggregateIdentifier String incidentId, Source source) {}

package org.crisistimeline.command.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisistimeline.events.incident.LinkRelation;

public record LinkIncident(@TargetAggregateIdentifier String incidentId, String targetId, LinkRelation relation) {}

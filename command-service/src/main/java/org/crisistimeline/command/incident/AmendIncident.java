package org.crisistimeline.command.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisistimeline.events.incident.IncidentChanges;

/** Correct some fields of an incident, as it stood at {@code expectedVersion}. */
public record AmendIncident(
        @TargetAggregateIdentifier String incidentId, long expectedVersion, IncidentChanges changes, String reason) {}

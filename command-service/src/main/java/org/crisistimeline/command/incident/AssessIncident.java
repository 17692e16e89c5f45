package org.crisistimeline.command.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An editor's judgement of an incident as recorded: disputed or verified, and why. */
public record AssessIncident(@TargetAggregateIdentifier String incidentId, Verdict verdict, String reason) {

    public enum Verdict {
        DISPUTED,
        VERIFIED
    }
}

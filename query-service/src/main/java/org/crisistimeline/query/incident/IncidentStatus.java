package org.crisistimeline.query.incident;

/** Where an incident stands: disputed and verified replace each other (the latest wins); retracted is final. */
public enum IncidentStatus {
    RECORDED,
    DISPUTED,
    VERIFIED,
    RETRACTED
}

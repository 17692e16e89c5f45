package org.crisistimeline.events.incident;

public enum IncidentType {
    STRIKE,
    VOTE,
    STATEMENT,
    STAFFING_CHANGE,
    PROTEST,
    SANCTION,
    AGREEMENT,
    TRAVEL_ADVISORY
}

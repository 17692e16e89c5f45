package org.crisistimeline.events.incident;

/**
 * What happened. The first eight are those the project was built for; BATTLE to DIPLOMACY are what the data sets
 * (UCDP GED, ACLED, GDELT) are mostly about, each with its own details rather than squeezed into STRIKE.
 */
public enum IncidentType {
    STRIKE,
    VOTE,
    STATEMENT,
    STAFFING_CHANGE,
    PROTEST,
    SANCTION,
    AGREEMENT,
    TRAVEL_ADVISORY,
    /** armed clashes between organised groups: ACLED Battles, UCDP state-based and non-state violence */
    BATTLE,
    /** ACLED Violence against civilians, UCDP one-sided violence */
    VIOLENCE_AGAINST_CIVILIANS,
    /** ACLED Explosions/Remote violence */
    EXPLOSION,
    /** ACLED Riots */
    RIOT,
    /** ACLED Strategic developments: a change of posture, an arrest, a base taken over without fighting */
    STRATEGIC_DEVELOPMENT,
    /** consultations, visits, diplomatic cooperation (CAMEO 04, 05, 08) */
    DIPLOMACY
}

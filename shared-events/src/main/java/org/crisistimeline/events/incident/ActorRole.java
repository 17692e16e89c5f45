package org.crisistimeline.events.incident;

/** The part an actor played in an incident. */
public enum ActorRole {
    /** carried it out: the striking state, the voting body, the speaker, the state moving its staff */
    INITIATOR,
    /** it was aimed at them */
    TARGET,
    /** killed, injured or harmed by it */
    VICTIM,
    /** spoken about or concerned by it without being targeted */
    SUBJECT,
    /** took part beside the initiator */
    PARTICIPANT
}

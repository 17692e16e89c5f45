package org.crisistimeline.events.actor;

public enum ActorKind {
    PERSON,
    STATE,
    ORGANIZATION,
    ARMED_GROUP,
    INTERNATIONAL_BODY
}

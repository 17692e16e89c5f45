package org.crisistimeline.events.incident;

/** How one incident relates to another; read "source RELATION target". */
public enum LinkRelation {
    RESPONDS_TO,
    RETALIATION_FOR,
    CAUSED_BY,
    SAME_AS
}

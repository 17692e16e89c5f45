package org.crisistimeline.query.incident;

/** The event that made a version of an incident. */
public enum VersionKind {
    RECORDED,
    AMENDED,
    SOURCE_ATTACHED,
    DISPUTED,
    VERIFIED,
    RETRACTED,
    LINKED
}

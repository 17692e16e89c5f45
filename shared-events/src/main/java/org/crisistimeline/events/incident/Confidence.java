package org.crisistimeline.events.incident;

public enum Confidence {
    LOW,
    MEDIUM,
    HIGH
}

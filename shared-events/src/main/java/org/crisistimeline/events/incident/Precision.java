package org.crisistimeline.events.incident;

/** How precisely {@code occurredAt} is known: an event "on 3 January" has DAY precision. */
public enum Precision {
    MINUTE,
    HOUR,
    DAY,
    MONTH
}

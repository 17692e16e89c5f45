package org.crisistimeline.query.stream;

import java.util.Locale;
import org.crisistimeline.events.EventType;

/** An event as the event log numbered it. */
record LoggedEvent(long position, EventType type, String aggregateId, long sequence) {

    /** The SSE event name: the event type in kebab case, e.g. {@code incident-amended}, {@code actor-registered}. */
    String name() {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

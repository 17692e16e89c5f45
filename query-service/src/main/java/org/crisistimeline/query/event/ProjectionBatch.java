package org.crisistimeline.query.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of a poll, handed to each projection in turn, and what a projection that runs first worked out from them
 * for those that run after it (the incident versions a batch made, for the timelines and the event log), so that they
 * need not read back from the database what was just written.
 */
public final class ProjectionBatch {

    private final List<EventEnvelope> events;
    private final Map<Class<?>, Object> shared = new HashMap<>();

    public ProjectionBatch(List<EventEnvelope> events) {
        this.events = List.copyOf(events);
    }

    /** In the order they are applied: each aggregate's in sequence, none applied before. */
    public List<EventEnvelope> events() {
        return events;
    }

    public <T> void share(Class<T> type, T value) {
        if (shared.putIfAbsent(type, value) != null) {
            throw new IllegalStateException(type.getSimpleName() + " is shared twice in one batch");
        }
    }

    /** @throws IllegalStateException when no projection that ran before shared it: their order is wrong */
    public <T> T shared(Class<T> type) {
        Object value = shared.get(type);
        if (value == null) {
            throw new IllegalStateException(type.getSimpleName() + " was not shared by a projection that ran before");
        }
        return type.cast(value);
    }
}

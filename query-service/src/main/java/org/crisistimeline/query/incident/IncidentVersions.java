package org.crisistimeline.query.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.crisistimeline.query.event.EventEnvelope;

/**
 * What the incident events of a batch did, shared with the projections that follow the incidents (the timelines, the
 * event log): each event's version before and the version it made, and the stored versions the batch closed.
 */
public final class IncidentVersions {

    /**
     * @param before the version the event followed; null for the incident's recording
     * @param after the version the event made, closed if a later event of the batch followed it
     */
    public record Change(EventEnvelope event, IncidentVersion before, IncidentVersion after) {}

    /** A version stored before the batch that the batch's first event of its incident closed. */
    public record Closed(String incidentId, int version, Instant validTo) {}

    private final List<Change> changes = new ArrayList<>();
    private final Map<EventEnvelope, Change> byEvent = new IdentityHashMap<>();
    private final List<Closed> closed = new ArrayList<>();

    void changed(EventEnvelope event, IncidentVersion before, IncidentVersion after) {
        var change = new Change(event, before, after);
        changes.add(change);
        byEvent.put(event, change);
    }

    void closed(String incidentId, int version, Instant validTo) {
        closed.add(new Closed(incidentId, version, validTo));
    }

    /** In the order of their events. */
    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }

    /** @return null for an event that changed no incident */
    public Change of(EventEnvelope event) {
        return byEvent.get(event);
    }

    public List<Closed> closed() {
        return Collections.unmodifiableList(closed);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}

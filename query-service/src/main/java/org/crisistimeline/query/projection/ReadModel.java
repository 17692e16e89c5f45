package org.crisistimeline.query.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.event.Projection;
import org.crisistimeline.query.event.ProjectionBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to every projection of the read model, once in effect: the aggregate's position is checked and moved
 * in the same transaction as the changes, so an event delivered again (after a crash before the offset commit, or a
 * rebalance) is recognised by its sequence number and changes nothing. It knows no feature: the projections are the
 * beans that implement {@link Projection}, in their order.
 */
@Component
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);

    private final AggregatePositions positions;
    private final List<Projection> projections;

    ReadModel(AggregatePositions positions, List<Projection> projections) {
        this.positions = positions;
        this.projections = List.copyOf(projections);
    }

    /** @return true when the event was applied, false when it had been before */
    @Transactional
    public boolean apply(EventEnvelope event) {
        if (!positions.advance(event.aggregateId(), event.sequence())) {
            log.debug("Skipping redelivered {} #{} of {}", event.type(), event.sequence(), event.aggregateId());
            return false;
        }
        project(List.of(event));
        return true;
    }

    /**
     * Applies the events of a poll, in their order, in one transaction: the same rows as {@link #apply} of each in
     * turn, written by each projection as a batch. The positions of their aggregates are read in one statement and
     * moved in at most two (new ones copied in, the others updated), so the caller must hold the locks of those aggregates ({@link DeadLetters#lock}), which every
     * other writer of a position takes too.
     *
     * @return how many were applied; the others had been before
     */
    @Transactional
    public int applyAll(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Map<String, Long> known = positions.of(
                events.stream().map(EventEnvelope::aggregateId).distinct().toList());
        Map<String, Long> applied = new HashMap<>(known);
        Map<String, Long> moved = new HashMap<>();
        List<EventEnvelope> fresh = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            Long position = applied.get(event.aggregateId());
            if (position != null && event.sequence() <= position) {
                log.debug("Skipping redelivered {} #{} of {}", event.type(), event.sequence(), event.aggregateId());
                continue;
            }
            applied.put(event.aggregateId(), event.sequence());
            moved.put(event.aggregateId(), event.sequence());
            fresh.add(event);
        }
        positions.moveTo(moved, known);
        if (!fresh.isEmpty()) {
            project(fresh);
        }
        return fresh.size();
    }

    private void project(List<EventEnvelope> events) {
        var batch = new ProjectionBatch(events);
        for (Projection projection : projections) {
            projection.apply(batch);
        }
    }
}

package org.crisistimeline.query.projection;

import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.query.actor.ActorProjection;
import org.crisistimeline.query.crisis.CrisisProjection;
import org.crisistimeline.query.incident.IncidentProjection;
import org.crisistimeline.query.timeline.TimelineProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each event to every table of the read model, once in effect: the aggregate's position is checked and moved
 * in the same transaction as the changes, so an event delivered again (after a crash before the offset commit, or a
 * rebalance) is recognised by its sequence number and changes nothing.
 */
@Component
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);

    private final AggregatePositions positions;
    private final CrisisProjection crises;
    private final ActorProjection actors;
    private final IncidentProjection incidents;
    private final TimelineProjection timelines;

    ReadModel(
            AggregatePositions positions,
            CrisisProjection crises,
            ActorProjection actors,
            IncidentProjection incidents,
            TimelineProjection timelines) {
        this.positions = positions;
        this.crises = crises;
        this.actors = actors;
        this.incidents = incidents;
        this.timelines = timelines;
    }

    /** @return true when the event was applied, false when it had been before */
    @Transactional
    public boolean apply(EventEnvelope event) {
        if (!positions.advance(event.aggregateId(), event.sequence())) {
            log.debug("Skipping redelivered {} #{} of {}", event.type(), event.sequence(), event.aggregateId());
            return false;
        }
        switch (event.type()) {
            case CRISIS_OPENED -> crises.opened(event.payload(CrisisOpened.class));
            case ACTOR_REGISTERED -> {
                ActorRegistered actor = event.payload(ActorRegistered.class);
                actors.registered(actor);
                timelines.actorRegistered(actor);
            }
            case INCIDENT_RECORDED -> {
                IncidentRecorded incident = event.payload(IncidentRecorded.class);
                incidents.recorded(incident, event.recordedAt());
                timelines.incidentRecorded(incident);
            }
            default -> {
                // a type added to shared-events before this service projects it; its position still moves on
                log.warn("No projection for {}; {} #{} not shown", event.type(), event.aggregateId(), event.sequence());
            }
        }
        return true;
    }
}

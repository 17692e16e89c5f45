package org.crisistimeline.query.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisistimeline.events.actor.ActorAliasAdded;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.actor.ActorTitleAssigned;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.query.actor.ActorProjection;
import org.crisistimeline.query.audit.AuditTrail;
import org.crisistimeline.query.crisis.CrisisProjection;
import org.crisistimeline.query.incident.IncidentProjection;
import org.crisistimeline.query.incident.IncidentVersion;
import org.crisistimeline.query.incident.VersionKind;
import org.crisistimeline.query.stream.EventLog;
import org.crisistimeline.query.timeline.TimelineProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each event to every table of the read model, once in effect: the aggregate's position is checked and moved
 * in the same transaction as the changes, so an event delivered again (after a crash before the offset commit, or a
 * rebalance) is recognised by its sequence number and changes nothing. The event log entry, which the live streams
 * read, is written last in the same transaction.
 */
@Component
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);

    private final AggregatePositions positions;
    private final CrisisProjection crises;
    private final ActorProjection actors;
    private final IncidentProjection incidents;
    private final TimelineProjection timelines;
    private final EventLog eventLog;
    private final AuditTrail auditTrail;

    ReadModel(
            AggregatePositions positions,
            CrisisProjection crises,
            ActorProjection actors,
            IncidentProjection incidents,
            TimelineProjection timelines,
            EventLog eventLog,
            AuditTrail auditTrail) {
        this.positions = positions;
        this.crises = crises;
        this.actors = actors;
        this.incidents = incidents;
        this.timelines = timelines;
        this.eventLog = eventLog;
        this.auditTrail = auditTrail;
    }

    /** @return true when the event was applied, false when it had been before */
    @Transactional
    public boolean apply(EventEnvelope event) {
        if (!positions.advance(event.aggregateId(), event.sequence())) {
            log.debug("Skipping redelivered {} #{} of {}", event.type(), event.sequence(), event.aggregateId());
            return false;
        }
        var batch = new ApplyBatch();
        project(event, batch);
        timelines.widenOccurredLead(batch);
        return true;
    }

    /**
     * Applies the events of a poll, in their order, in one transaction: the same changes as {@link #apply} of each in
     * turn, with the work each transaction does once done once. The positions of their aggregates are read in one
     * statement and moved in another, so the caller must hold the locks of those aggregates
     * ({@link DeadLetters#lock}), which every other writer of a position takes too.
     *
     * @return how many were applied; the others had been before
     */
    @Transactional
    public int applyAll(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Map<String, Long> applied = positions.of(
                events.stream().map(EventEnvelope::aggregateId).distinct().toList());
        Map<String, Long> moved = new HashMap<>();
        var batch = new ApplyBatch();
        eventLog.lockPositions(batch);
        int count = 0;
        for (EventEnvelope event : events) {
            Long position = applied.get(event.aggregateId());
            if (position != null && event.sequence() <= position) {
                log.debug("Skipping redelivered {} #{} of {}", event.type(), event.sequence(), event.aggregateId());
                continue;
            }
            applied.put(event.aggregateId(), event.sequence());
            moved.put(event.aggregateId(), event.sequence());
            project(event, batch);
            count++;
        }
        positions.moveTo(moved);
        timelines.widenOccurredLead(batch);
        return count;
    }

    private void project(EventEnvelope event, ApplyBatch batch) {
        // an incident's version is the number of its events applied: what the command side's expectedVersion counts
        int version = Math.toIntExact(event.sequence() + 1);
        switch (event.type()) {
            case CRISIS_OPENED -> crises.opened(event.payload(CrisisOpened.class));
            case ACTOR_REGISTERED -> {
                ActorRegistered actor = event.payload(ActorRegistered.class);
                actors.registered(actor);
                timelines.actorRegistered(actor, batch);
            }
            case ACTOR_TITLE_ASSIGNED -> actors.titleAssigned(event.payload(ActorTitleAssigned.class));
            case ACTOR_ALIAS_ADDED -> actors.aliasAdded(event.payload(ActorAliasAdded.class));
            case INCIDENT_RECORDED ->
                timelines.incidentVersioned(
                        incidents.recorded(
                                event.payload(IncidentRecorded.class), version, event.recordedAt(), event.principal()),
                        batch);
            case INCIDENT_AMENDED ->
                timelines.incidentVersioned(
                        incidents.amended(
                                event.payload(IncidentAmended.class), version, event.recordedAt(), event.principal()),
                        batch);
            case SOURCE_ATTACHED ->
                timelines.incidentVersioned(
                        incidents.sourceAttached(
                                event.payload(SourceAttached.class), version, event.recordedAt(), event.principal()),
                        batch);
            case INCIDENT_DISPUTED -> {
                IncidentDisputed disputed = event.payload(IncidentDisputed.class);
                timelines.incidentVersioned(
                        statusChanged(disputed.incidentId(), VersionKind.DISPUTED, disputed.reason(), version, event),
                        batch);
            }
            case INCIDENT_VERIFIED -> {
                IncidentVerified verified = event.payload(IncidentVerified.class);
                timelines.incidentVersioned(
                        statusChanged(verified.incidentId(), VersionKind.VERIFIED, verified.reason(), version, event),
                        batch);
            }
            case INCIDENT_RETRACTED -> {
                IncidentRetracted retracted = event.payload(IncidentRetracted.class);
                timelines.incidentVersioned(
                        statusChanged(
                                retracted.incidentId(), VersionKind.RETRACTED, retracted.reason(), version, event),
                        batch);
            }
            case INCIDENT_LINKED ->
                timelines.incidentVersioned(
                        incidents.linked(
                                event.payload(IncidentLinked.class), version, event.recordedAt(), event.principal()),
                        batch);
            default -> {
                // a type added to shared-events before this service projects it; its position still moves on
                log.warn("No projection for {}; {} #{} not shown", event.type(), event.aggregateId(), event.sequence());
            }
        }
        eventLog.append(event.type(), event.aggregateId(), event.sequence(), event.recordedAt(), batch);
        auditTrail.record(event);
    }

    private IncidentVersion statusChanged(
            String incidentId, VersionKind kind, String reason, int version, EventEnvelope event) {
        return incidents.statusChanged(incidentId, kind, reason, version, event.recordedAt(), event.principal());
    }
}

package org.crisistimeline.command.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.command.system.KnownAggregates;
import org.crisistimeline.command.system.RuleViolation;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.details.StatementDetails;

/** One thing that happened in the world, as recorded: its own event stream. */
@Aggregate
public class Incident {

    @AggregateIdentifier
    private String incidentId;

    private IncidentRecorded recorded;

    protected Incident() {
        // for Axon: created empty, then either handles its first command or replays its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordIncident command, KnownAggregates known, Clock clock) {
        IncidentRecorded requested = command.toEvent();
        if (recorded != null) {
            if (!recorded.equals(requested)) {
                throw new IdAlreadyUsed("Incident '%s' was recorded with a different body".formatted(command.id()));
            }
            return; // the same request again: already done
        }
        List<InvalidField> broken = new ArrayList<>();
        Instant now = clock.instant();
        if (requested.occurredAt().isAfter(now)) {
            broken.add(new InvalidField("occurredAt", "must not be in the future"));
        }
        for (int i = 0; i < requested.sources().size(); i++) {
            if (requested.sources().get(i).publishedAt().isAfter(now)) {
                broken.add(new InvalidField("sources[%d].publishedAt".formatted(i), "must not be in the future"));
            }
        }
        if (!known.exists("Crisis", requested.crisisId())) {
            broken.add(new InvalidField("crisisId", "no crisis with this id"));
        }
        broken.addAll(unknownActors(requested, known));
        if (!broken.isEmpty()) {
            throw new RuleViolation(broken);
        }
        apply(requested);
    }

    private static List<InvalidField> unknownActors(IncidentRecorded incident, KnownAggregates known) {
        List<String> named = new ArrayList<>(
                incident.actors().stream().map(IncidentActor::actorId).toList());
        if (incident.details() instanceof StatementDetails statement) {
            named.add(statement.speakerId());
        }
        Set<String> missing = known.missing("Actor", named);
        List<InvalidField> broken = new ArrayList<>();
        for (int i = 0; i < incident.actors().size(); i++) {
            if (missing.contains(incident.actors().get(i).actorId())) {
                broken.add(new InvalidField("actors[%d].actorId".formatted(i), "no actor with this id"));
            }
        }
        if (incident.details() instanceof StatementDetails statement && missing.contains(statement.speakerId())) {
            broken.add(new InvalidField("details.speakerId", "no actor with this id"));
        }
        return broken;
    }

    @EventSourcingHandler
    void on(IncidentRecorded event) {
        incidentId = event.incidentId();
        recorded = event;
    }
}

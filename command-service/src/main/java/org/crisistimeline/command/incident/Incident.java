package org.crisistimeline.command.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.command.system.KnownAggregates;
import org.crisistimeline.command.system.NoLongerAccepting;
import org.crisistimeline.command.system.RuleViolation;
import org.crisistimeline.command.system.StaleVersion;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.StatementDetails;

/**
 * One thing that happened in the world, as recorded: its own event stream. Life cycle: recorded, amended any number
 * of times, disputed or verified any number of times, retracted once; sources may be attached and links made until
 * it is retracted. Every handler answers the incident's version: the number of its events.
 */
@Aggregate
public class Incident {

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    @AggregateIdentifier
    private String incidentId;

    /** what was first recorded: a retry of the recording must match it */
    private IncidentRecorded recorded;
    /** the incident as it stands after every correction; its sources include those attached later */
    private IncidentRecorded current;

    private long version;
    private boolean retracted;
    /** the latest dispute or verification: the same again is a retry */
    private Object lastVerdict;

    private final Set<IncidentLinked> links = new HashSet<>();

    protected Incident() {
        // for Axon: created empty, then either handles its first command or replays its events
    }

    /** A new id, the usual case: created without reading the (empty) stream. An id with events goes to the next. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long create(RecordIncident command, KnownAggregates store, Clock clock) {
        return handle(command, store, clock);
    }

    @CommandHandler(commandName = RecordIncident.AGAIN)
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RecordIncident command, KnownAggregates store, Clock clock) {
        IncidentRecorded event = command.toEvent();
        KnownAggregates known = store.about(referencesOf(event));
        IncidentRecorded requested = resolveActorNames(event, known);
        if (recorded != null) {
            if (!recorded.equals(requested)) {
                throw new IdAlreadyUsed("Incident '%s' was recorded with a different body".formatted(command.id()));
            }
            return 1; // the same request again: answered as the first time
        }
        List<InvalidField> broken = new ArrayList<>(brokenRules(requested, "", known, clock));
        for (int i = 0; i < requested.sources().size(); i++) {
            checkTime(requested.sources().get(i).publishedAt(), "sources[%d].publishedAt".formatted(i), clock, broken);
        }
        refuseIfBroken(broken);
        apply(requested);
        return version;
    }

    @CommandHandler
    long handle(AmendIncident command, KnownAggregates store, Clock clock) {
        acceptingChanges(command.incidentId());
        expectVersion(command.expectedVersion());
        // the amended incident names what the changes name, or else what it named before
        Set<String> references = referencesOf(current);
        references.addAll(referencesOf(current.amendedBy(command.changes())));
        KnownAggregates known = store.about(references);
        IncidentChanges changes = resolveActorNames(command.changes(), known);
        if (changes.fieldNames().isEmpty()) {
            throw new RuleViolation(List.of(new InvalidField("changes", "must set at least one field")));
        }
        IncidentRecorded amended = current.amendedBy(changes);
        if (amended.equals(current)) {
            throw new RuleViolation(
                    List.of(new InvalidField("changes", "changes nothing: every field already has this value")));
        }
        refuseIfBroken(brokenRules(amended, "changes.", known, clock));
        apply(new IncidentAmended(incidentId, changes, command.reason()));
        return version;
    }

    @CommandHandler
    long handle(AttachSource command, Clock clock) {
        acceptingChanges(command.incidentId());
        Source source = command.source();
        List<InvalidField> broken = new ArrayList<>();
        checkTime(source.publishedAt(), "publishedAt", clock, broken);
        refuseIfBroken(broken);
        for (Source attached : current.sources()) {
            // a citation without URL is the same source only if it is the same citation
            if (source.url() == null ? attached.equals(source) : source.url().equals(attached.url())) {
                if (attached.equals(source)) {
                    return version; // attached already: a retry
                }
                throw new IdAlreadyUsed("A source with this URL is already attached to incident '%s' with other details"
                        .formatted(incidentId));
            }
        }
        apply(new SourceAttached(incidentId, source));
        return version;
    }

    @CommandHandler
    long handle(AssessIncident command) {
        acceptingChanges(command.incidentId());
        Object verdict = command.verdict() == AssessIncident.Verdict.DISPUTED
                ? new IncidentDisputed(incidentId, command.reason())
                : new IncidentVerified(incidentId, command.reason());
        if (verdict.equals(lastVerdict)) {
            return version; // the same verdict for the same reason: a retry
        }
        apply(verdict);
        return version;
    }

    @CommandHandler
    long handle(RetractIncident command) {
        acceptingChanges(command.incidentId());
        expectVersion(command.expectedVersion());
        apply(new IncidentRetracted(incidentId, command.reason()));
        return version;
    }

    @CommandHandler
    long handle(LinkIncident command, KnownAggregates known) {
        acceptingChanges(command.incidentId());
        if (command.targetId().equals(incidentId)) {
            throw new RuleViolation(List.of(new InvalidField("targetId", "an incident cannot be linked to itself")));
        }
        if (!known.exists("Incident", command.targetId())) {
            throw new RuleViolation(List.of(new InvalidField("targetId", "no incident with this id")));
        }
        IncidentLinked link = new IncidentLinked(incidentId, command.targetId(), command.relation());
        if (links.contains(link)) {
            return version; // linked already: a retry
        }
        apply(link);
        return version;
    }

    private void acceptingChanges(String id) {
        if (current == null) {
            // the id's events belong to another kind of aggregate, so for incidents it does not exist
            throw new AggregateNotFoundException(id, "No incident with this id");
        }
        if (retracted) {
            throw new NoLongerAccepting(
                    "Incident '%s' is retracted; it accepts no further change".formatted(incidentId));
        }
    }

    private void expectVersion(long expectedVersion) {
        if (expectedVersion != version) {
            throw new StaleVersion(expectedVersion, version);
        }
    }

    /** The crisis and the actors (by id or name) an incident names: what its rules ask about. */
    private static Set<String> referencesOf(IncidentRecorded incident) {
        Set<String> references = new HashSet<>();
        references.add(incident.crisisId());
        incident.actors().forEach(actor -> references.add(actor.actorId()));
        if (incident.details() instanceof StatementDetails statement && statement.speakerId() != null) {
            references.add(statement.speakerId());
        }
        return references;
    }

    /** The rules that need the clock or other aggregates, on the incident as it would stand; all are listed. */
    private static List<InvalidField> brokenRules(
            IncidentRecorded incident, String prefix, KnownAggregates known, Clock clock) {
        List<InvalidField> broken = new ArrayList<>();
        checkTime(incident.occurredAt(), prefix + "occurredAt", clock, broken);
        broken.addAll(IncidentRules.occurrence(incident, prefix));
        if (!known.exists("Crisis", incident.crisisId())) {
            broken.add(new InvalidField(prefix + "crisisId", "no crisis with this id"));
        }
        List<String> named = new ArrayList<>(
                incident.actors().stream().map(IncidentActor::actorId).toList());
        if (incident.details() instanceof StatementDetails statement) {
            named.add(statement.speakerId());
        }
        Set<String> missing = known.missing("Actor", named);
        for (int i = 0; i < incident.actors().size(); i++) {
            String actor = incident.actors().get(i).actorId();
            if (missing.contains(actor)) {
                broken.add(new InvalidField(prefix + "actors[%d].actorId".formatted(i), unknownActor(actor, known)));
            }
        }
        if (incident.details() instanceof StatementDetails statement && missing.contains(statement.speakerId())) {
            broken.add(new InvalidField(prefix + "details.speakerId", unknownActor(statement.speakerId(), known)));
        }
        return broken;
    }

    private static String unknownActor(String reference, KnownAggregates known) {
        Set<String> named = known.actorsNamed(reference);
        return named.size() > 1
                ? "names several actors (%s); use an id".formatted(String.join(", ", new TreeSet<>(named)))
                : "no actor with this id or name";
    }

    /**
     * Incidents may name an actor by its name or an alias ("Mr Johnson"), as imported reports do; the event stores the
     * actor's id, so that what is stored does not depend on names. A name that fits several actors stays as it is and
     * is refused by the rules.
     */
    private static IncidentRecorded resolveActorNames(IncidentRecorded incident, KnownAggregates known) {
        return new IncidentRecorded(
                incident.incidentId(),
                incident.crisisId(),
                incident.type(),
                incident.occurredAt(),
                incident.occurredPrecision(),
                incident.occurredOn(),
                incident.occurredUntil(),
                incident.location(),
                resolveActorNames(incident.actors(), known),
                incident.summary(),
                resolveActorNames(incident.details(), known),
                incident.sources(),
                incident.confidence(),
                incident.origin());
    }

    private static IncidentChanges resolveActorNames(IncidentChanges changes, KnownAggregates known) {
        return new IncidentChanges(
                changes.crisisId(),
                changes.type(),
                changes.occurredAt(),
                changes.occurredPrecision(),
                changes.occurredOn(),
                changes.occurredUntil(),
                changes.location(),
                changes.actors() == null ? null : resolveActorNames(changes.actors(), known),
                changes.summary(),
                resolveActorNames(changes.details(), known),
                changes.confidence(),
                changes.origin());
    }

    private static List<IncidentActor> resolveActorNames(List<IncidentActor> actors, KnownAggregates known) {
        return actors.stream()
                .map(actor -> new IncidentActor(actorId(actor.actorId(), known), actor.role()))
                .toList();
    }

    private static IncidentDetails resolveActorNames(IncidentDetails details, KnownAggregates known) {
        return details instanceof StatementDetails statement
                ? new StatementDetails(
                        actorId(statement.speakerId(), known),
                        statement.quote(),
                        statement.channel(),
                        statement.stance())
                : details;
    }

    private static String actorId(String reference, KnownAggregates known) {
        if (reference == null || known.exists("Actor", reference)) {
            return reference;
        }
        Set<String> named = known.actorsNamed(reference);
        return named.size() == 1 ? named.iterator().next() : reference;
    }

    /** Times of the world: not in the future, and not before 1900, which only a typo (year 0020, year 0) gives. */
    private static void checkTime(Instant time, String field, Clock clock, List<InvalidField> broken) {
        if (time == null) {
            return; // a citation without a publication time
        }
        if (time.isAfter(clock.instant())) {
            broken.add(new InvalidField(field, "must not be in the future"));
        } else if (time.isBefore(EARLIEST)) {
            broken.add(new InvalidField(field, "must not be before 1900-01-01"));
        }
    }

    private static void refuseIfBroken(List<InvalidField> broken) {
        if (!broken.isEmpty()) {
            throw new RuleViolation(broken);
        }
    }

    @EventSourcingHandler
    void on(IncidentRecorded event) {
        incidentId = event.incidentId();
        recorded = event;
        current = event;
        version++;
    }

    @EventSourcingHandler
    void on(IncidentAmended event) {
        current = current.amendedBy(event.changes());
        version++;
    }

    @EventSourcingHandler
    void on(SourceAttached event) {
        List<Source> sources = new ArrayList<>(current.sources());
        sources.add(event.source());
        current = current.withSources(sources);
        version++;
    }

    @EventSourcingHandler
    void on(IncidentDisputed event) {
        lastVerdict = event;
        version++;
    }

    @EventSourcingHandler
    void on(IncidentVerified event) {
        lastVerdict = event;
        version++;
    }

    @EventSourcingHandler
    void on(IncidentRetracted event) {
        retracted = true;
        version++;
    }

    @EventSourcingHandler
    void on(IncidentLinked event) {
        links.add(event);
        version++;
    }
}

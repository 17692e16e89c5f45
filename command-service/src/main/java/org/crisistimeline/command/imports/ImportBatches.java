package org.crisistimeline.command.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.crisistimeline.command.incident.IncidentRules;
import org.crisistimeline.command.system.AuditTrail;
import org.crisistimeline.command.system.Ids;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.Origin;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.events.incident.details.StatementDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends one batch of rows in one transaction: it commits whole or not at all. The batch reads what the event store
 * holds under its ids in one query ({@link StoredStreams}), decides per row (new, unchanged, amended, refused), and
 * appends every event through Axon's event store, so each is hash-chained by the storage engine, written by its JDBC
 * batch, and seen by the subscribing handlers (actors' names) in this transaction. New aggregates are created without
 * loading them; the event table's unique key on (aggregate, sequence) makes a concurrent writer of the same ids fail
 * the batch rather than fork a stream.
 */
@Component
class ImportBatches {

    static final String IMPORT_JOB = "importJob";
    static final String FILE_NAME = "fileName";
    static final String FILE_SHA256 = "fileSha256";
    static final String LINE = "line";

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Pattern ID = Pattern.compile(Ids.PATTERN);

    private final StoredStreams stored;
    private final EventStore eventStore;
    private final ImportJobTable jobs;
    private final Validator validator;
    private final Clock clock;

    ImportBatches(StoredStreams stored, EventStore eventStore, ImportJobTable jobs, Validator validator, Clock clock) {
        this.stored = stored;
        this.eventStore = eventStore;
        this.jobs = jobs;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * @param lines the batch's good lines, in file order
     * @param problems the reader's bad lines since the last batch, stored with this batch's progress
     * @param memory what the job's earlier batches did; updated when this one is done
     * @param bytesRead how far into the file the reader is, for the job's progress
     */
    @Transactional
    ImportCounts append(
            ImportJob job, List<ImportedLine> lines, List<RowProblem> problems, ImportMemory memory, long bytesRead) {
        Instant now = clock.instant();
        List<RowProblem> refused = new ArrayList<>(problems);
        List<ImportedLine> candidates = new ArrayList<>();
        Map<String, Long> linesHere = new HashMap<>();
        for (ImportedLine line : lines) {
            Long earlier = memory.lines.containsKey(line.id()) ? memory.lines.get(line.id()) : linesHere.get(line.id());
            if (earlier != null) {
                refused.add(new RowProblem(
                        line.line(), null, "the id " + line.id() + " appears again (first on line " + earlier + ")"));
                continue;
            }
            linesHere.put(line.id(), line.line());
            List<InvalidField> broken = brokenRules(line, now);
            if (broken.isEmpty()) {
                candidates.add(line);
            } else {
                broken.forEach(field -> refused.add(new RowProblem(line.line(), field.field(), field.message())));
            }
        }
        Map<String, StoredStreams.Stream> streams = stored.read(idsNamedBy(job, candidates));

        List<DomainEventMessage<?>> events = new ArrayList<>();
        Map<String, Object> jobMetadata = jobMetadata(job);
        Set<String> created = new HashSet<>();
        Predicate<String> isCrisis =
                id -> is(streams, "Crisis", id) || memory.created.contains(id) || created.contains(id);
        Predicate<String> isActor =
                id -> is(streams, "Actor", id) || memory.created.contains(id) || created.contains(id);
        long imported = 0;
        long unchanged = 0;
        long amended = 0;
        // crises and actors first: the incidents of the same batch may name them
        for (ImportedLine line : candidates) {
            if (line instanceof ImportedIncident) {
                continue;
            }
            String kind = line instanceof ImportedLine.Crisis ? "Crisis" : "Actor";
            StoredStreams.Stream existing = streams.get(line.id());
            if (existing != null && !kind.equals(existing.type())) {
                refused.add(new RowProblem(line.line(), "id", usedByAnotherKind(line.id(), existing.type())));
            } else if (existing != null) {
                unchanged++;
            } else {
                Object payload = line instanceof ImportedLine.Crisis crisis
                        ? crisis.crisis()
                        : ((ImportedLine.Actor) line).actor();
                events.add(event(kind, line.id(), 0, payload, withLine(jobMetadata, line), now));
                created.add(line.id());
                imported++;
            }
        }
        boolean datasetRows = candidates.stream()
                .anyMatch(line -> line instanceof ImportedIncident incident && incident.registersActors());
        if (datasetRows && !isCrisis.test(job.crisisId()) && !streams.containsKey(job.crisisId())) {
            events.add(event("Crisis", job.crisisId(), 0, openCrisis(job, candidates), jobMetadata, now));
            created.add(job.crisisId());
        }

        for (ImportedLine line : candidates) {
            if (!(line instanceof ImportedIncident candidate)) {
                continue;
            }
            IncidentRecorded wanted = candidate.incident();
            StoredStreams.Stream existing = streams.get(candidate.id());
            String unwritable = unwritable(job, candidate, streams, isCrisis, isActor);
            if (unwritable != null) {
                refused.add(new RowProblem(candidate.line(), null, unwritable));
                continue;
            }
            Map<String, Object> metadata = withLine(jobMetadata, candidate);
            for (ActorRegistered actor : candidate.actors()) {
                if (!streams.containsKey(actor.actorId()) && !isActor.test(actor.actorId())) {
                    events.add(event("Actor", actor.actorId(), 0, actor, metadata, now));
                    created.add(actor.actorId());
                }
            }
            if (existing == null) {
                events.add(event("Incident", candidate.id(), 0, wanted, metadata, now));
                created.add(candidate.id());
                imported++;
                continue;
            }
            if (existing.retracted()) {
                refused.add(new RowProblem(
                        candidate.line(),
                        null,
                        "incident " + candidate.id() + " is retracted; it is not imported again"));
                continue;
            }
            List<Object> corrections = corrections(existing.incident(), wanted);
            if (corrections.isEmpty()) {
                unchanged++;
                continue;
            }
            Map<String, Object> withReason = new HashMap<>(metadata);
            withReason.put(AuditTrail.REASON, reasonFor(wanted));
            long sequence = existing.lastSequence();
            for (Object correction : corrections) {
                events.add(event("Incident", candidate.id(), ++sequence, correction, withReason, now));
            }
            amended++;
        }
        if (!job.dryRun()) {
            eventStore.publish(events);
        }
        refused.sort(Comparator.comparingLong(RowProblem::line));
        ImportCounts counts =
                new ImportCounts(lines.size() + rows(problems), imported, unchanged, amended, 0, rows(refused));
        jobs.progress(job.id(), counts, refused, bytesRead);
        memory.remember(linesHere, created);
        return counts;
    }

    /** A row with several broken fields is one row refused. */
    private static long rows(List<RowProblem> problems) {
        return problems.stream().mapToLong(RowProblem::line).distinct().count();
    }

    /** Every id the batch asks the store about: its own, the job's crisis, and the crises and actors its lines name. */
    private static Set<String> idsNamedBy(ImportJob job, List<ImportedLine> candidates) {
        Set<String> ids = new HashSet<>();
        ids.add(job.crisisId());
        for (ImportedLine line : candidates) {
            ids.add(line.id());
            if (line instanceof ImportedIncident candidate) {
                ids.add(candidate.incident().crisisId());
                candidate.actors().forEach(actor -> ids.add(actor.actorId()));
                ids.addAll(actorsNamed(candidate.incident()));
            }
        }
        return ids;
    }

    private static List<String> actorsNamed(IncidentRecorded incident) {
        List<String> named = new ArrayList<>();
        incident.actors().forEach(actor -> named.add(actor.actorId()));
        if (incident.details() instanceof StatementDetails statement) {
            named.add(statement.speakerId());
        }
        return named;
    }

    private static boolean is(Map<String, StoredStreams.Stream> streams, String kind, String id) {
        StoredStreams.Stream stream = streams.get(id);
        return stream != null && kind.equals(stream.type());
    }

    /** Who imported it, in which job, from which file: on every event the job appends. */
    private static Map<String, Object> jobMetadata(ImportJob job) {
        return Map.of(
                AuditTrail.PRINCIPAL,
                job.principal(),
                IMPORT_JOB,
                job.id().toString(),
                FILE_NAME,
                job.fileName(),
                FILE_SHA256,
                job.fileSha256());
    }

    private static Map<String, Object> withLine(Map<String, Object> jobMetadata, ImportedLine line) {
        Map<String, Object> metadata = new HashMap<>(jobMetadata);
        metadata.put(LINE, line.line());
        return metadata;
    }

    /** The reason of an amendment: the release that changed the row, or for our own format the file. */
    private static String reasonFor(IncidentRecorded wanted) {
        return wanted.origin() != null ? releaseOf(wanted.origin()) : "imported from NDJSON";
    }

    /**
     * Why the incident cannot be written: its id or an actor's is another kind's, it belongs to another crisis, or
     * (NDJSON) it names a crisis or an actor that does not exist; null when it can.
     */
    private static String unwritable(
            ImportJob job,
            ImportedIncident candidate,
            Map<String, StoredStreams.Stream> streams,
            Predicate<String> isCrisis,
            Predicate<String> isActor) {
        StoredStreams.Stream stream = streams.get(candidate.id());
        if (stream != null && !"Incident".equals(stream.type())) {
            return usedByAnotherKind(candidate.id(), stream.type());
        }
        for (ActorRegistered actor : candidate.actors()) {
            StoredStreams.Stream actorStream = streams.get(actor.actorId());
            if (actorStream != null && !"Actor".equals(actorStream.type())) {
                return usedByAnotherKind(actor.actorId(), actorStream.type());
            }
        }
        if (candidate.registersActors()) {
            return null;
        }
        String crisis = candidate.incident().crisisId();
        if (!crisis.equals(job.crisisId())) {
            return "the incident belongs to the crisis " + crisis + ", not to " + job.crisisId()
                    + ", the crisis imported into";
        }
        if (!isCrisis.test(crisis)) {
            return "no crisis with the id " + crisis;
        }
        List<String> missing = actorsNamed(candidate.incident()).stream()
                .filter(isActor.negate())
                .toList();
        return missing.isEmpty() ? null : "no actor with the id " + String.join(", ", missing);
    }

    private static String usedByAnotherKind(String id, String kind) {
        return "the id " + id + " is already used by another kind: " + kind;
    }

    /**
     * Retracts the incidents among {@code ids} that are not retracted yet, with the release as the reason: the rows an
     * earlier import made that the file no longer has.
     */
    @Transactional
    ImportCounts retract(ImportJob job, List<String> ids, String release) {
        Instant now = clock.instant();
        Map<String, StoredStreams.Stream> streams = stored.read(ids);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        String reason = release + ": the row is no longer in this release";
        Map<String, Object> metadata = new HashMap<>(jobMetadata(job));
        metadata.put(AuditTrail.REASON, reason);
        for (String id : ids) {
            StoredStreams.Stream stream = streams.get(id);
            if (stream != null && "Incident".equals(stream.type()) && !stream.retracted()) {
                events.add(event(
                        "Incident", id, stream.lastSequence() + 1, new IncidentRetracted(id, reason), metadata, now));
            }
        }
        if (!job.dryRun()) {
            eventStore.publish(events);
        }
        ImportCounts counts = new ImportCounts(0, 0, 0, 0, events.size(), 0);
        jobs.progress(job.id(), counts, List.of(), job.fileBytes());
        return counts;
    }

    static String releaseOf(Origin origin) {
        return origin.dataset() + " " + origin.release();
    }

    private List<InvalidField> brokenRules(ImportedLine line, Instant now) {
        if (line instanceof ImportedLine.Crisis crisis) {
            List<InvalidField> broken = violations(crisis.crisis(), "");
            if (crisis.crisis().startedOn() != null) {
                checkTime(
                        crisis.crisis().startedOn().atStartOfDay(ZoneOffset.UTC).toInstant(), "startedOn", now, broken);
            }
            return broken;
        }
        if (line instanceof ImportedLine.Actor actor) {
            return violations(actor.actor(), "");
        }
        ImportedIncident candidate = (ImportedIncident) line;
        IncidentRecorded incident = candidate.incident();
        List<InvalidField> broken = new ArrayList<>();
        if (!ID.matcher(incident.incidentId()).matches()) {
            broken.add(new InvalidField("rowId", "gives no usable id: " + incident.incidentId()));
        }
        broken.addAll(violations(incident, ""));
        for (ActorRegistered actor : candidate.actors()) {
            broken.addAll(violations(actor, "actors[" + actor.actorId() + "]."));
        }
        if (incident.occurredAt() != null && incident.occurredPrecision() != null) {
            broken.addAll(IncidentRules.occurrence(incident, ""));
            checkTime(incident.occurredAt(), "occurredAt", now, broken);
            LocalDate until = incident.occurredUntil();
            if (until != null) {
                checkTime(until.atStartOfDay(ZoneOffset.UTC).toInstant(), "occurredUntil", now, broken);
            }
        }
        for (int i = 0; i < incident.sources().size(); i++) {
            Instant published = incident.sources().get(i).publishedAt();
            if (published != null) {
                checkTime(published, "sources[" + i + "].publishedAt", now, broken);
            }
        }
        broken.sort(Comparator.comparing(InvalidField::field));
        return broken;
    }

    private <T> List<InvalidField> violations(T value, String prefix) {
        List<InvalidField> broken = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            broken.add(new InvalidField(prefix + violation.getPropertyPath(), violation.getMessage()));
        }
        return broken;
    }

    private static void checkTime(Instant time, String field, Instant now, List<InvalidField> broken) {
        if (time.isAfter(now)) {
            broken.add(new InvalidField(field, "must not be in the future"));
        } else if (time.isBefore(EARLIEST)) {
            broken.add(new InvalidField(field, "must not be before 1900-01-01"));
        }
    }

    /**
     * What a newer release changes in an incident: an amendment of the fields it changed, and the citations it adds.
     * The crisis, the confidence (an editor's call) and attached sources are never taken away by a release; a release
     * or revision alone, with the same content, changes nothing.
     */
    static List<Object> corrections(IncidentRecorded current, IncidentRecorded wanted) {
        boolean retimed = !Objects.equals(current.occurredAt(), wanted.occurredAt())
                || current.occurredPrecision() != wanted.occurredPrecision()
                || !Objects.equals(current.occurredOn(), wanted.occurredOn())
                || !Objects.equals(current.occurredUntil(), wanted.occurredUntil());
        // a row that says nothing of the details (a GDELT statement) leaves the stored ones alone
        boolean retyped = current.type() != wanted.type()
                || (wanted.details() != null && !Objects.equals(current.details(), wanted.details()));
        boolean sameContent = Objects.equals(withoutRelease(current.origin()), withoutRelease(wanted.origin()));
        IncidentChanges changes = new IncidentChanges(
                null,
                retyped ? wanted.type() : null,
                retimed ? wanted.occurredAt() : null,
                retimed ? wanted.occurredPrecision() : null,
                retimed ? wanted.occurredOn() : null,
                retimed ? wanted.occurredUntil() : null,
                wanted.location() == null || wanted.location().equals(current.location()) ? null : wanted.location(),
                current.actors().equals(wanted.actors()) || wanted.actors().isEmpty() ? null : wanted.actors(),
                Objects.equals(current.summary(), wanted.summary()) ? null : wanted.summary(),
                retyped ? wanted.details() : null,
                null,
                wanted.origin());
        List<Object> corrections = new ArrayList<>();
        // every field set is a real change, but the origin, set always, is one only beyond its release
        boolean changed = changes.fieldNames().stream().anyMatch(field -> !field.equals("origin"));
        if (changed || !sameContent) {
            corrections.add(new IncidentAmended(current.incidentId(), changes, reasonFor(wanted)));
        }
        Set<Source> attached = new LinkedHashSet<>(current.sources());
        for (Source source : wanted.sources()) {
            if (attached.add(source)) {
                corrections.add(new SourceAttached(current.incidentId(), source));
            }
        }
        return corrections;
    }

    private static Origin withoutRelease(Origin origin) {
        return origin == null ? null : new Origin(origin.dataset(), "-", origin.rowId(), origin.codes(), null);
    }

    /** The crisis asked for, with the countries and the earliest date of the first batch that names it. */
    private static CrisisOpened openCrisis(ImportJob job, List<ImportedLine> lines) {
        if (job.createCrisis() == null) {
            throw new NoSuchCrisis(job.crisisId());
        }
        Set<String> countries = new LinkedHashSet<>();
        LocalDate startedOn = null;
        for (ImportedLine line : lines) {
            if (!(line instanceof ImportedIncident candidate)) {
                continue;
            }
            IncidentRecorded incident = candidate.incident();
            if (incident.location() != null) {
                countries.add(incident.location().country());
            }
            candidate.actors().stream()
                    .map(ActorRegistered::country)
                    .filter(Objects::nonNull)
                    .forEach(countries::add);
            LocalDate on = LocalDate.ofInstant(incident.occurredAt(), ZoneOffset.UTC);
            startedOn = startedOn == null || on.isBefore(startedOn) ? on : startedOn;
        }
        if (countries.isEmpty()) {
            throw new IllegalStateException("The crisis '" + job.crisisId() + "' cannot be opened: the first rows name"
                    + " no country; open it through POST /api/v1/crises first, and import into it");
        }
        return new CrisisOpened(job.crisisId(), job.createCrisis(), null, List.copyOf(countries), startedOn);
    }

    private static DomainEventMessage<?> event(
            String aggregateType, String id, long sequence, Object payload, Map<String, Object> metadata, Instant at) {
        return new GenericDomainEventMessage<>(
                aggregateType,
                id,
                sequence,
                payload,
                metadata,
                IdentifierFactory.getInstance().generateIdentifier(),
                at);
    }

    /** The crisis named by an import does not exist and was not asked to be created; checked before the job starts. */
    static class NoSuchCrisis extends RuntimeException {
        NoSuchCrisis(String crisisId) {
            super("The crisis '" + crisisId + "' does not exist; give createCrisis to open one");
        }
    }
}

package org.crisistimeline.query.incident;

import static org.crisistimeline.query.incident.IncidentRows.text;
import static org.crisistimeline.query.incident.IncidentRows.utc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentDisputed;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentRetracted;
import org.crisistimeline.events.incident.IncidentVerified;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.crisistimeline.query.event.CopyIn;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.event.Projection;
import org.crisistimeline.query.event.ProjectionBatch;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the versions of incidents: each event of an incident closes its current version (valid_to = the event's
 * recordedAt) and adds the next one, holding the whole state. A batch reads the current versions of the incidents it
 * changes in one query (none for incidents it records), folds its events over them in memory, and writes the new
 * versions and sources by COPY and the links in a multi-row insert. It shares the versions it made
 * ({@link IncidentVersions}) with the projections that follow incidents, so they need not read them back.
 */
@Component
@Order(Projection.OWN_TABLES)
class IncidentProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    IncidentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(ProjectionBatch projected) {
        List<EventEnvelope> events = projected.events();
        var batch = new Batch(current(changedBeforeThisBatch(events)));
        for (EventEnvelope event : events) {
            Record payload = event.payload();
            if (payload instanceof IncidentRecorded recorded) {
                on(recorded, event, batch);
            } else if (payload instanceof IncidentAmended amended) {
                on(amended, event, batch);
            } else if (payload instanceof SourceAttached attached) {
                on(attached, event, batch);
            } else if (payload instanceof IncidentDisputed disputed) {
                statusChanged(disputed.incidentId(), VersionKind.DISPUTED, disputed.reason(), event, batch);
            } else if (payload instanceof IncidentVerified verified) {
                statusChanged(verified.incidentId(), VersionKind.VERIFIED, verified.reason(), event, batch);
            } else if (payload instanceof IncidentRetracted retracted) {
                statusChanged(retracted.incidentId(), VersionKind.RETRACTED, retracted.reason(), event, batch);
            } else if (payload instanceof IncidentLinked linked) {
                on(linked, event, batch);
            }
        }
        batch.write();
        projected.share(IncidentVersions.class, batch.changes);
    }

    private void on(IncidentRecorded incident, EventEnvelope event, Batch batch) {
        IncidentState state = IncidentState.recorded(incident, json);
        Instant recordedAt = event.recordedAt();
        var row = new IncidentVersion(
                version(event), VersionKind.RECORDED, recordedAt, event.principal(), null, state, recordedAt);
        batch.versions.add(row);
        batch.current.put(state.incidentId(), row);
        batch.changes.changed(event, null, row);
        batch.sources(state.incidentId(), 0, state.sources(), row.version(), recordedAt);
    }

    private void on(IncidentAmended amended, EventEnvelope event, Batch batch) {
        IncidentVersion current = batch.current(amended.incidentId());
        IncidentState next = current.state().amended(amended.changes(), json);
        batch.store(current, event, VersionKind.AMENDED, amended.reason(), next);
    }

    private void on(SourceAttached attached, EventEnvelope event, Batch batch) {
        IncidentVersion current = batch.current(attached.incidentId());
        IncidentVersion stored = batch.store(
                current,
                event,
                VersionKind.SOURCE_ATTACHED,
                null,
                current.state().withSource(attached.source()));
        batch.sources(
                attached.incidentId(),
                current.state().sources().size(),
                List.of(attached.source()),
                stored.version(),
                stored.validFrom());
    }

    private void statusChanged(String incidentId, VersionKind kind, String reason, EventEnvelope event, Batch batch) {
        IncidentStatus status = switch (kind) {
            case DISPUTED -> IncidentStatus.DISPUTED;
            case VERIFIED -> IncidentStatus.VERIFIED;
            case RETRACTED -> IncidentStatus.RETRACTED;
            default -> throw new IllegalArgumentException(kind + " does not change the status");
        };
        IncidentVersion current = batch.current(incidentId);
        batch.store(current, event, kind, reason, current.state().withStatus(status));
    }

    private void on(IncidentLinked linked, EventEnvelope event, Batch batch) {
        IncidentVersion current = batch.current(linked.incidentId());
        IncidentVersion stored = batch.store(current, event, VersionKind.LINKED, null, current.state());
        // a link recorded again keeps the version that first made it
        batch.links.putIfAbsent(
                List.of(
                        linked.incidentId(),
                        linked.targetId(),
                        linked.relation().name()),
                new Object[] {
                    linked.incidentId(),
                    linked.targetId(),
                    linked.relation().name(),
                    stored.version(),
                    utc(stored.validFrom())
                });
    }

    /** An incident's version is the number of its events applied: what the command side's expectedVersion counts. */
    private static int version(EventEnvelope event) {
        return Math.toIntExact(event.sequence() + 1);
    }

    /** The incidents the batch changes without having recorded them first: their current versions are read. */
    private static Set<String> changedBeforeThisBatch(List<EventEnvelope> events) {
        Set<String> recorded = new HashSet<>();
        Set<String> changed = new LinkedHashSet<>();
        for (EventEnvelope event : events) {
            // the subject is the incident by contract; an event naming another one is read on its own (Batch.current)
            if (event.type() == EventType.INCIDENT_RECORDED) {
                recorded.add(event.aggregateId());
            } else if (!recorded.contains(event.aggregateId())) {
                changed.add(event.aggregateId());
            }
        }
        return changed;
    }

    /** The current version of each incident, with every source attached up to it; two queries however many. */
    private Map<String, IncidentVersion> current(Set<String> incidentIds) {
        Map<String, IncidentVersion> current = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return current;
        }
        Object ids = incidentIds.toArray(String[]::new);
        Map<String, List<Source>> sources = new HashMap<>();
        jdbc.query(
                "SELECT * FROM incident_source WHERE incident_id = ANY (?) ORDER BY incident_id, position",
                (RowCallbackHandler)
                        row -> sources.computeIfAbsent(row.getString("incident_id"), id -> new ArrayList<>())
                                .add(IncidentRows.source(row)),
                ids);
        jdbc.query(
                """
                SELECT DISTINCT ON (incident_id) * FROM incident_version
                WHERE incident_id = ANY (?) ORDER BY incident_id, version DESC
                """,
                (RowCallbackHandler) row -> {
                    String incidentId = row.getString("incident_id");
                    current.put(
                            incidentId,
                            IncidentVersion.stored(
                                    IncidentRows.state(row, sources.getOrDefault(incidentId, List.of()), json),
                                    row.getInt("version"),
                                    IncidentRows.instant(row, "valid_from"),
                                    IncidentRows.instant(row, "recorded_at")));
                },
                ids);
        return current;
    }

    /** What a batch writes, gathered while its events are folded. */
    private final class Batch {

        private final Map<String, IncidentVersion> current;
        private final List<IncidentVersion> versions = new ArrayList<>();
        private final IncidentVersions changes = new IncidentVersions();
        private final List<Object[]> sources = new ArrayList<>();
        private final Map<List<String>, Object[]> links = new LinkedHashMap<>();

        Batch(Map<String, IncidentVersion> current) {
            this.current = current;
        }

        IncidentVersion current(String incidentId) {
            IncidentVersion found = current.get(incidentId);
            if (found == null) {
                found = IncidentProjection.this.current(Set.of(incidentId)).get(incidentId);
                if (found == null) {
                    // events of one incident travel in order on one partition: its IncidentRecorded came first
                    throw new IllegalStateException("no version of incident " + incidentId + " to change");
                }
                current.put(incidentId, found);
            }
            return found;
        }

        IncidentVersion store(
                IncidentVersion current, EventEnvelope event, VersionKind kind, String reason, IncidentState next) {
            int version = version(event);
            if (version <= current.version()) {
                throw new IllegalStateException("version " + version + " of " + next.incidentId()
                        + " is not after the version applied, " + current.version());
            }
            // recorded time never runs backwards within an incident, even if the clocks of two writers disagree
            Instant validFrom =
                    event.recordedAt().isBefore(current.validFrom()) ? current.validFrom() : event.recordedAt();
            if (current.isStored()) {
                changes.closed(next.incidentId(), current.version(), validFrom);
            }
            current.closeAt(validFrom);
            var row = new IncidentVersion(
                    version, kind, validFrom, event.principal(), reason, next, current.recordedAt());
            versions.add(row);
            this.current.put(next.incidentId(), row);
            changes.changed(event, current, row);
            return row;
        }

        void sources(String incidentId, int firstPosition, List<Source> attached, int version, Instant attachedAt) {
            for (int index = 0; index < attached.size(); index++) {
                Source source = attached.get(index);
                sources.add(new Object[] {
                    incidentId,
                    firstPosition + index,
                    source.publisher(),
                    source.url(),
                    source.publishedAt(),
                    source.excerpt(),
                    version,
                    attachedAt
                });
            }
        }

        void write() {
            if (!changes.closed().isEmpty()) {
                jdbc.batchUpdate(
                        "UPDATE incident_version SET valid_to = ? WHERE incident_id = ? AND version = ?",
                        changes.closed().stream()
                                .map(closed ->
                                        new Object[] {utc(closed.validTo()), closed.incidentId(), closed.version()})
                                .toList());
            }
            var versionRows = CopyIn.into(
                    "incident_version",
                    CopyIn.text("incident_id"),
                    CopyIn.int4("version"),
                    CopyIn.text("kind"),
                    CopyIn.timestamptz("valid_from"),
                    CopyIn.timestamptz("valid_to"),
                    CopyIn.text("recorded_by"),
                    CopyIn.text("reason"),
                    CopyIn.text("crisis_id"),
                    CopyIn.text("type"),
                    CopyIn.timestamptz("occurred_at"),
                    CopyIn.text("occurred_precision"),
                    CopyIn.date("occurred_on"),
                    CopyIn.date("occurred_until"),
                    CopyIn.text("country"),
                    CopyIn.text("place"),
                    CopyIn.float8("lat"),
                    CopyIn.float8("lon"),
                    CopyIn.text("admin1"),
                    CopyIn.text("admin2"),
                    CopyIn.text("admin3"),
                    CopyIn.text("location_precision"),
                    CopyIn.jsonb("actors"),
                    CopyIn.text("summary"),
                    CopyIn.jsonb("details"),
                    CopyIn.text("confidence"),
                    CopyIn.text("status"),
                    CopyIn.timestamptz("reported_at"),
                    CopyIn.timestamptz("recorded_at"),
                    CopyIn.jsonb("origin"));
            versions.forEach(version -> versionRows.row(versionRow(version)));
            versionRows.write(jdbc);
            var sourceRows = CopyIn.into(
                    "incident_source",
                    CopyIn.text("incident_id"),
                    CopyIn.int4("position"),
                    CopyIn.text("publisher"),
                    CopyIn.text("url"),
                    CopyIn.timestamptz("published_at"),
                    CopyIn.text("excerpt"),
                    CopyIn.int4("attached_version"),
                    CopyIn.timestamptz("attached_at"));
            sources.forEach(sourceRows::row);
            sourceRows.write(jdbc);
            if (!links.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO incident_link (incident_id, target_id, relation, version, linked_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """, List.copyOf(links.values()));
            }
        }

        private Object[] versionRow(IncidentVersion row) {
            IncidentState state = row.state();
            Location location = state.location();
            return new Object[] {
                state.incidentId(),
                row.version(),
                row.kind().name(),
                row.validFrom(),
                row.validTo() == null ? CopyIn.INFINITY : row.validTo(),
                row.recordedBy(),
                row.reason(),
                state.crisisId(),
                state.type().name(),
                state.occurredAt(),
                state.occurredPrecision().name(),
                state.occurredOn(),
                state.occurredUntil(),
                location == null ? null : location.country(),
                location == null ? null : location.place(),
                location == null ? null : location.lat(),
                location == null ? null : location.lon(),
                location == null ? null : location.admin1(),
                location == null ? null : location.admin2(),
                location == null ? null : location.admin3(),
                location == null ? null : location.precision(),
                text(state.actors(), json),
                state.summary(),
                text(state.details(), json),
                state.confidence() == null ? null : state.confidence().name(),
                state.status().name(),
                row.reportedAt(),
                row.recordedAt(),
                text(state.origin(), json)
            };
        }
    }
}

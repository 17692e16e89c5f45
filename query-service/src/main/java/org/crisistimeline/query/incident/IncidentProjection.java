package org.crisistimeline.query.incident;

import static org.crisistimeline.query.incident.IncidentRows.text;
import static org.crisistimeline.query.incident.IncidentRows.utc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.IncidentAmended;
import org.crisistimeline.events.incident.IncidentLinked;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.SourceAttached;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the versions of incidents: each event of an incident closes its current version (valid_to = the event's
 * recordedAt) and adds the next one, holding the whole state. Called by the read model inside the transaction of the
 * event.
 */
@Component
public class IncidentProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    IncidentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param recordedBy who stored the event (its ce_principal), or null when the event does not say */
    public IncidentVersion recorded(IncidentRecorded incident, int version, Instant recordedAt, String recordedBy) {
        IncidentState state = IncidentState.recorded(incident, json);
        insertVersion(version, VersionKind.RECORDED, recordedAt, recordedBy, null, state, recordedAt);
        insertSources(state.incidentId(), 0, state.sources(), version, recordedAt);
        insertNamedActors(state);
        return new IncidentVersion(state.incidentId(), version, VersionKind.RECORDED, recordedAt, state, null);
    }

    public IncidentVersion amended(IncidentAmended amended, int version, Instant recordedAt, String recordedBy) {
        Current current = current(amended.incidentId());
        IncidentState next = current.state().amended(amended.changes(), json);
        IncidentVersion stored =
                store(current, version, VersionKind.AMENDED, recordedAt, recordedBy, amended.reason(), next);
        insertNamedActors(next);
        return stored;
    }

    public IncidentVersion sourceAttached(SourceAttached attached, int version, Instant recordedAt, String recordedBy) {
        Current current = current(attached.incidentId());
        IncidentState next = current.state().withSource(attached.source());
        IncidentVersion stored =
                store(current, version, VersionKind.SOURCE_ATTACHED, recordedAt, recordedBy, null, next);
        insertSources(
                next.incidentId(),
                current.state().sources().size(),
                List.of(attached.source()),
                version,
                stored.validFrom());
        return stored;
    }

    /** @param kind DISPUTED, VERIFIED or RETRACTED */
    public IncidentVersion statusChanged(
            String incidentId, VersionKind kind, String reason, int version, Instant recordedAt, String recordedBy) {
        IncidentStatus status = switch (kind) {
            case DISPUTED -> IncidentStatus.DISPUTED;
            case VERIFIED -> IncidentStatus.VERIFIED;
            case RETRACTED -> IncidentStatus.RETRACTED;
            default -> throw new IllegalArgumentException(kind + " does not change the status");
        };
        Current current = current(incidentId);
        return store(
                current,
                version,
                kind,
                recordedAt,
                recordedBy,
                reason,
                current.state().withStatus(status));
    }

    public IncidentVersion linked(IncidentLinked linked, int version, Instant recordedAt, String recordedBy) {
        Current current = current(linked.incidentId());
        IncidentVersion stored =
                store(current, version, VersionKind.LINKED, recordedAt, recordedBy, null, current.state());
        jdbc.update(
                """
                INSERT INTO incident_link (incident_id, target_id, relation, version, linked_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
                linked.incidentId(),
                linked.targetId(),
                linked.relation().name(),
                version,
                utc(stored.validFrom()));
        return stored;
    }

    private IncidentVersion store(
            Current current,
            int version,
            VersionKind kind,
            Instant recordedAt,
            String recordedBy,
            String reason,
            IncidentState next) {
        if (version <= current.version()) {
            throw new IllegalStateException("version " + version + " of " + next.incidentId()
                    + " is not after the version applied, " + current.version());
        }
        // recorded time never runs backwards within an incident, even if the clocks of two writers disagree
        Instant validFrom = recordedAt.isBefore(current.validFrom()) ? current.validFrom() : recordedAt;
        jdbc.update(
                "UPDATE incident_version SET valid_to = ? WHERE incident_id = ? AND version = ?",
                utc(validFrom),
                next.incidentId(),
                current.version());
        insertVersion(version, kind, validFrom, recordedBy, reason, next, current.recordedAt());
        return new IncidentVersion(next.incidentId(), version, kind, validFrom, next, current.state());
    }

    private void insertVersion(
            int version,
            VersionKind kind,
            Instant validFrom,
            String recordedBy,
            String reason,
            IncidentState state,
            Instant recordedAt) {
        jdbc.update(
                """
                INSERT INTO incident_version (incident_id, version, kind, valid_from, recorded_by, reason, crisis_id, type,
                                              occurred_at, occurred_precision, country, place, lat, lon, actors,
                                              summary, details, confidence, status, reported_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?, ?, ?)
                """,
                state.incidentId(),
                version,
                kind.name(),
                utc(validFrom),
                recordedBy,
                reason,
                state.crisisId(),
                state.type().name(),
                utc(state.occurredAt()),
                state.occurredPrecision().name(),
                state.location().country(),
                state.location().place(),
                state.location().lat(),
                state.location().lon(),
                text(state.actors(), json),
                state.summary(),
                text(state.details(), json),
                state.confidence() == null ? null : state.confidence().name(),
                state.status().name(),
                utc(state.reportedAt()),
                utc(recordedAt));
    }

    private void insertSources(
            String incidentId, int firstPosition, List<Source> sources, int version, Instant attachedAt) {
        List<Object[]> rows = new ArrayList<>();
        for (int index = 0; index < sources.size(); index++) {
            Source source = sources.get(index);
            rows.add(new Object[] {
                incidentId,
                firstPosition + index,
                source.publisher(),
                source.url(),
                utc(source.publishedAt()),
                source.excerpt(),
                version,
                utc(attachedAt)
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO incident_source (incident_id, position, publisher, url, published_at, excerpt,
                                             attached_version, attached_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    private void insertNamedActors(IncidentState state) {
        jdbc.batchUpdate(
                "INSERT INTO incident_named_actor (actor_id, incident_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                state.actorIds().stream()
                        .distinct()
                        .map(actorId -> new Object[] {actorId, state.incidentId()})
                        .toList());
    }

    private Current current(String incidentId) {
        List<Source> sources = jdbc.query(
                "SELECT * FROM incident_source WHERE incident_id = ? ORDER BY position",
                (row, number) -> IncidentRows.source(row),
                incidentId);
        return jdbc
                .query(
                        "SELECT * FROM incident_version WHERE incident_id = ? ORDER BY version DESC LIMIT 1",
                        (row, number) -> new Current(
                                IncidentRows.state(row, sources, json),
                                row.getInt("version"),
                                IncidentRows.instant(row, "valid_from"),
                                IncidentRows.instant(row, "recorded_at")),
                        incidentId)
                .stream()
                .findFirst()
                // events of one incident travel in order on one partition: its IncidentRecorded came first
                .orElseThrow(() -> new IllegalStateException("no version of incident " + incidentId + " to change"));
    }

    private record Current(IncidentState state, int version, Instant validFrom, Instant recordedAt) {}
}

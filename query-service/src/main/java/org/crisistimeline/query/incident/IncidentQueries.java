package org.crisistimeline.query.incident;

import static org.crisistimeline.query.incident.IncidentRows.instant;
import static org.crisistimeline.query.incident.IncidentRows.utc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.LinkRelation;
import org.crisistimeline.events.incident.Source;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads incidents at any of their versions, their histories and their links. */
@Component
public class IncidentQueries {

    private final JdbcTemplate jdbc;
    // the events' own JSON form, so that versions are compared in the form they were stored in
    private final ObjectMapper json = EventJson.newMapper();

    IncidentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param asOf the incident as this system held it then; null for now
     * @param knownAt only the sources published by then; empty if none was
     */
    public Optional<IncidentView> find(String incidentId, Instant asOf, Instant knownAt) {
        List<Integer> versions = asOf == null
                ? jdbc.queryForList(
                        "SELECT version FROM incident_version WHERE incident_id = ? AND valid_to = 'infinity'",
                        Integer.class,
                        incidentId)
                : jdbc.queryForList("""
                        SELECT version FROM incident_version
                        WHERE incident_id = ? AND valid_from <= ? AND valid_to > ?
                        """, Integer.class, incidentId, utc(asOf), utc(asOf));
        return versions.stream()
                .findFirst()
                .flatMap(version -> views(List.of(new IncidentVersionId(incidentId, version)), knownAt).stream()
                        .findFirst())
                .filter(view -> knownAt == null || !view.reportedAt().isAfter(knownAt));
    }

    /** The incident as the given version has it, with every source attached up to it. */
    public Optional<IncidentView> at(String incidentId, int version) {
        return views(List.of(new IncidentVersionId(incidentId, version)), null).stream()
                .findFirst();
    }

    /**
     * Several versions at once, in the order asked; a version not in the read model is left out.
     *
     * @param knownAt only the sources published by then (null: all)
     */
    public List<IncidentView> views(List<IncidentVersionId> ids, Instant knownAt) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] incidentIds = ids.stream().map(IncidentVersionId::incidentId).toArray(String[]::new);
        Integer[] versions = ids.stream().map(IncidentVersionId::version).toArray(Integer[]::new);

        Map<IncidentVersionId, List<Source>> sources = new HashMap<>();
        jdbc.query(
                """
                SELECT s.*, r.version AS for_version
                FROM unnest(?::text[], ?::integer[]) AS r (incident_id, version)
                JOIN incident_source s
                  ON s.incident_id = r.incident_id COLLATE "C" AND s.attached_version <= r.version
                WHERE CAST(? AS timestamptz) IS NULL OR coalesce(s.published_at, s.attached_at) <= ?
                ORDER BY s.incident_id, r.version, s.position
                """,
                row -> {
                    sources.computeIfAbsent(
                                    new IncidentVersionId(row.getString("incident_id"), row.getInt("for_version")),
                                    id -> new ArrayList<>())
                            .add(IncidentRows.source(row));
                },
                incidentIds,
                versions,
                utc(knownAt),
                utc(knownAt));

        Map<IncidentVersionId, Stored> stored = new HashMap<>();
        jdbc.query(
                """
                SELECT v.*
                FROM unnest(?::text[], ?::integer[]) AS r (incident_id, version)
                JOIN incident_version v ON v.incident_id = r.incident_id COLLATE "C" AND v.version = r.version
                """,
                row -> {
                    var id = new IncidentVersionId(row.getString("incident_id"), row.getInt("version"));
                    stored.put(id, stored(row, sources.getOrDefault(id, List.of())));
                },
                incidentIds,
                versions);

        Map<String, IncidentView.Actor> actors = actors(stored.values());
        return ids.stream()
                .filter(stored::containsKey)
                .map(id -> view(stored.get(id), actors))
                .toList();
    }

    public Optional<IncidentHistory> history(String incidentId) {
        List<AttachedSource> sources = jdbc.query(
                "SELECT * FROM incident_source WHERE incident_id = ? ORDER BY position",
                (row, number) -> new AttachedSource(IncidentRows.source(row), row.getInt("attached_version")),
                incidentId);
        List<LinkedAt> links = jdbc.query(
                "SELECT * FROM incident_link WHERE incident_id = ? ORDER BY version, target_id, relation",
                (row, number) -> new LinkedAt(
                        IncidentLinkView.outgoing(
                                LinkRelation.valueOf(row.getString("relation")),
                                row.getString("target_id"),
                                instant(row, "linked_at")),
                        row.getInt("version")),
                incidentId);
        List<Stored> versions = jdbc.query(
                "SELECT * FROM incident_version WHERE incident_id = ? ORDER BY version",
                (row, number) -> {
                    int version = row.getInt("version");
                    return stored(
                            row,
                            sources.stream()
                                    .filter(source -> source.version() <= version)
                                    .map(AttachedSource::source)
                                    .toList());
                },
                incidentId);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        List<IncidentHistory.Entry> entries = new ArrayList<>();
        JsonNode before = json.createObjectNode();
        for (Stored version : versions) {
            JsonNode after = version.state()
                    .toJson(
                            json,
                            links.stream()
                                    .filter(link -> link.version() <= version.version())
                                    .map(LinkedAt::link)
                                    .toList());
            entries.add(new IncidentHistory.Entry(
                    version.version(),
                    version.kind(),
                    version.validFrom(),
                    version.recordedBy(),
                    version.reason(),
                    FieldDiff.between(before, after)));
            before = after;
        }
        return Optional.of(new IncidentHistory(incidentId, entries));
    }

    /** @return empty if the incident is not known (at asOf) */
    public Optional<IncidentLinks> links(String incidentId, Instant asOf) {
        String asOfCondition = asOf == null ? "" : " AND linked_at <= ?";
        Object[] arguments = asOf == null ? new Object[] {incidentId} : new Object[] {incidentId, utc(asOf)};
        Boolean known = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM incident_version WHERE incident_id = ?"
                        + (asOf == null ? "" : " AND valid_from <= ?") + ")",
                Boolean.class,
                arguments);
        if (!Boolean.TRUE.equals(known)) {
            return Optional.empty();
        }
        List<IncidentLinkView> links = new ArrayList<>();
        links.addAll(jdbc.query(
                "SELECT * FROM incident_link WHERE incident_id = ?" + asOfCondition
                        + " ORDER BY linked_at, target_id, relation",
                (row, number) -> IncidentLinkView.outgoing(
                        LinkRelation.valueOf(row.getString("relation")),
                        row.getString("target_id"),
                        instant(row, "linked_at")),
                arguments));
        links.addAll(jdbc.query(
                "SELECT * FROM incident_link WHERE target_id = ?" + asOfCondition
                        + " ORDER BY linked_at, incident_id, relation",
                (row, number) -> IncidentLinkView.incoming(
                        LinkRelation.valueOf(row.getString("relation")),
                        row.getString("incident_id"),
                        instant(row, "linked_at")),
                arguments));
        return Optional.of(new IncidentLinks(incidentId, links));
    }

    private Stored stored(ResultSet row, List<Source> sources) throws SQLException {
        return new Stored(
                IncidentRows.state(row, sources, json),
                row.getInt("version"),
                VersionKind.valueOf(row.getString("kind")),
                instant(row, "valid_from"),
                instant(row, "recorded_at"),
                row.getString("recorded_by"),
                row.getString("reason"),
                instant(row, "reported_at"));
    }

    /** The actors named by any of the versions, as registered so far. */
    private Map<String, IncidentView.Actor> actors(Iterable<Stored> versions) {
        Set<String> actorIds = new LinkedHashSet<>();
        versions.forEach(version -> actorIds.addAll(version.state().actorIds()));
        if (actorIds.isEmpty()) {
            return Map.of();
        }
        Map<String, IncidentView.Actor> actors = new HashMap<>();
        jdbc.query(
                "SELECT actor_id, name, kind, country FROM actor WHERE actor_id = ANY (?)",
                row -> {
                    actors.put(
                            row.getString("actor_id"),
                            new IncidentView.Actor(
                                    row.getString("actor_id"),
                                    row.getString("name"),
                                    ActorKind.valueOf(row.getString("kind")),
                                    row.getString("country"),
                                    null));
                },
                (Object) actorIds.toArray(String[]::new));
        return actors;
    }

    private static IncidentView view(Stored stored, Map<String, IncidentView.Actor> registered) {
        IncidentState state = stored.state();
        List<IncidentView.Actor> actors = new ArrayList<>();
        for (IncidentActor actor : state.actors()) {
            IncidentView.Actor known = registered.get(actor.actorId());
            // an actor whose ActorRegistered has not arrived yet is shown with its id and role only
            actors.add(
                    known == null
                            ? new IncidentView.Actor(actor.actorId(), null, null, null, actor.role())
                            : new IncidentView.Actor(
                                    actor.actorId(), known.name(), known.kind(), known.country(), actor.role()));
        }
        return new IncidentView(
                state.incidentId(),
                state.crisisId(),
                state.type(),
                state.occurredAt(),
                state.occurredPrecision(),
                state.occurredOn(),
                state.occurredUntil(),
                state.location(),
                actors,
                state.summary(),
                state.details(),
                state.sources(),
                state.confidence(),
                state.status(),
                // as projected over every source of the version, recordedAt when none is dated (docs/events.md)
                stored.reportedAt(),
                stored.recordedAt(),
                stored.validFrom(),
                stored.version(),
                state.origin());
    }

    private record Stored(
            IncidentState state,
            int version,
            VersionKind kind,
            Instant validFrom,
            Instant recordedAt,
            String recordedBy,
            String reason,
            Instant reportedAt) {}

    private record AttachedSource(Source source, int version) {}

    private record LinkedAt(IncidentLinkView link, int version) {}
}

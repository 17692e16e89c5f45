package org.crisistimeline.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.query.incident.IncidentView;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lines of the import's own NDJSON (command-service's NdjsonLines): a crisis line and the lines of the actors an
 * incident names before the incident's own line, each written once, so that the file imports into another
 * installation as it is. An incident line is IncidentRecorded v3's fields with {@code id} for {@code incidentId}: its
 * status (disputed, verified, retracted) and history are not part of the format.
 */
@Component
class TimelineNdjson {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.newMapper();

    TimelineNdjson(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The crisis lines of these crises, as their CrisisOpened had them. */
    List<String> crises(Collection<String> crisisIds) {
        if (crisisIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT crisis_id, name, summary, countries, started_on FROM crisis WHERE crisis_id IN (:ids)"
                        + " ORDER BY crisis_id",
                Map.of("ids", crisisIds),
                (row, number) -> {
                    ObjectNode crisis = json.createObjectNode().put("id", row.getString("crisis_id"));
                    crisis.put("name", row.getString("name"));
                    if (row.getString("summary") != null) {
                        crisis.put("summary", row.getString("summary"));
                    }
                    crisis.set("countries", tree(row.getString("countries")));
                    if (row.getDate("started_on") != null) {
                        crisis.put(
                                "startedOn",
                                row.getDate("started_on").toLocalDate().toString());
                    }
                    return line("crisis", crisis);
                });
    }

    /** The actor lines of these actors, as registered; an actor not registered yet has none. */
    List<String> actors(Collection<String> actorIds) {
        if (actorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT actor_id, name, kind, country, aliases FROM actor WHERE actor_id IN (:ids) ORDER BY actor_id",
                Map.of("ids", actorIds),
                (row, number) -> {
                    ObjectNode actor = json.createObjectNode().put("id", row.getString("actor_id"));
                    actor.put("name", row.getString("name"));
                    actor.put("kind", row.getString("kind"));
                    if (row.getString("country") != null) {
                        actor.put("country", row.getString("country"));
                    }
                    actor.set("aliases", tree(row.getString("aliases")));
                    return line("actor", actor);
                });
    }

    /** The incident as the import reads it back: IncidentRecorded's fields, absent ones left out. */
    String incident(IncidentView incident) {
        ObjectNode body = json.createObjectNode().put("id", incident.incidentId());
        body.put("crisisId", incident.crisisId());
        body.put("type", incident.type().name());
        body.put("occurredAt", incident.occurredAt().toString());
        body.put("occurredPrecision", incident.occurredPrecision().name());
        if (incident.occurredOn() != null) {
            body.put("occurredOn", incident.occurredOn().toString());
        }
        if (incident.occurredUntil() != null) {
            body.put("occurredUntil", incident.occurredUntil().toString());
        }
        if (incident.location() != null) {
            body.set("location", json.valueToTree(incident.location()));
        }
        List<IncidentActor> actors = new ArrayList<>();
        incident.actors().forEach(actor -> actors.add(new IncidentActor(actor.actorId(), actor.role())));
        body.set("actors", json.valueToTree(actors));
        body.put("summary", incident.summary());
        if (incident.details() != null) {
            body.set("details", incident.details());
        }
        body.set("sources", json.valueToTree(incident.sources()));
        if (incident.confidence() != null) {
            body.put("confidence", incident.confidence().name());
        }
        if (incident.origin() != null) {
            body.set("origin", json.valueToTree(incident.origin()));
        }
        return line("incident", body);
    }

    private String line(String kind, ObjectNode body) {
        ObjectNode line = json.createObjectNode();
        line.set(kind, body);
        return line + "\n";
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the read model holds text that is not JSON", e);
        }
    }
}

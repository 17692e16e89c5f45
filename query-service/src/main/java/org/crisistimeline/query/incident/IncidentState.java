package org.crisistimeline.query.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Origin;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;

/**
 * An incident as one of its versions has it. Each event makes the next state from the previous one; nothing here
 * touches the database.
 *
 * @param details as recorded, in the shape that {@code type} names, without a type tag
 * @param sources every source attached up to this version, in the order attached
 */
public record IncidentState(
        String incidentId,
        String crisisId,
        IncidentType type,
        Instant occurredAt,
        Precision occurredPrecision,
        LocalDate occurredOn,
        LocalDate occurredUntil,
        Location location,
        List<IncidentActor> actors,
        String summary,
        JsonNode details,
        Confidence confidence,
        IncidentStatus status,
        List<Source> sources,
        Origin origin) {

    public IncidentState {
        actors = List.copyOf(actors);
        sources = List.copyOf(sources);
        // a DAY or coarser incident is on a calendar date; versions stored before v3 have it as occurredAt's UTC date,
        // which is what the upcaster gives their events (IncidentRecordedV2ToV3)
        if (occurredOn == null && occurredPrecision.isCalendarDate()) {
            occurredOn = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        }
    }

    static IncidentState recorded(IncidentRecorded incident, ObjectMapper json) {
        return new IncidentState(
                incident.incidentId(),
                incident.crisisId(),
                incident.type(),
                incident.occurredAt(),
                incident.occurredPrecision(),
                incident.occurredOn(),
                incident.occurredUntil(),
                incident.location(),
                incident.actors(),
                incident.summary(),
                incident.details() == null ? null : json.valueToTree(incident.details()),
                incident.confidence(),
                IncidentStatus.RECORDED,
                incident.sources(),
                incident.origin());
    }

    /**
     * A correction: each field it sets replaces the old value whole (the actors as a list, the details as a block, the
     * time with its range), exactly as the event's own {@link IncidentRecorded#amendedBy} folds it.
     */
    IncidentState amended(IncidentChanges changes, ObjectMapper json) {
        IncidentRecorded time = new IncidentRecorded(
                        incidentId,
                        crisisId,
                        type,
                        occurredAt,
                        occurredPrecision,
                        occurredOn,
                        occurredUntil,
                        location,
                        actors,
                        summary,
                        null,
                        List.of(),
                        Confidence.LOW,
                        origin)
                .amendedBy(changes);
        return new IncidentState(
                incidentId,
                time.crisisId(),
                time.type(),
                time.occurredAt(),
                time.occurredPrecision(),
                time.occurredOn(),
                time.occurredUntil(),
                time.location(),
                time.actors(),
                time.summary(),
                changes.details() != null ? json.valueToTree(changes.details()) : details,
                changes.confidence() != null ? changes.confidence() : confidence,
                status,
                sources,
                time.origin());
    }

    IncidentState withSource(Source source) {
        List<Source> more = new ArrayList<>(sources);
        more.add(source);
        return new IncidentState(
                incidentId,
                crisisId,
                type,
                occurredAt,
                occurredPrecision,
                occurredOn,
                occurredUntil,
                location,
                actors,
                summary,
                details,
                confidence,
                status,
                more,
                origin);
    }

    /** A retraction is final: a dispute or verification that still arrives after it does not undo it. */
    IncidentState withStatus(IncidentStatus next) {
        return new IncidentState(
                incidentId,
                crisisId,
                type,
                occurredAt,
                occurredPrecision,
                occurredOn,
                occurredUntil,
                location,
                actors,
                summary,
                details,
                confidence,
                status == IncidentStatus.RETRACTED ? status : next,
                sources,
                origin);
    }

    /** reportedAt = the earliest source, not the first attached: that is when the world could first know. */
    public Instant reportedAt() {
        return reportedAt(sources);
    }

    // loops, not streams: the projections ask several times for every version they write
    static Instant reportedAt(List<Source> sources) {
        Instant earliest = null;
        for (Source source : sources) {
            Instant published = source.publishedAt();
            if (published != null && (earliest == null || published.isBefore(earliest))) {
                earliest = published;
            }
        }
        return earliest;
    }

    public boolean retracted() {
        return status == IncidentStatus.RETRACTED;
    }

    public List<String> actorIds() {
        List<String> actorIds = new ArrayList<>(actors.size());
        for (IncidentActor actor : actors) {
            actorIds.add(actor.actorId());
        }
        return Collections.unmodifiableList(actorIds);
    }

    /**
     * The state as the JSON that versions are compared in: the fields of the incident view that an event can change,
     * absent values left out. {@code links} are the outgoing links up to this version.
     */
    ObjectNode toJson(ObjectMapper json, List<IncidentLinkView> links) {
        ObjectNode node = json.createObjectNode();
        node.put("crisisId", crisisId);
        node.put("type", type.name());
        node.put("occurredAt", occurredAt.toString());
        node.put("occurredPrecision", occurredPrecision.name());
        if (occurredOn != null) {
            node.put("occurredOn", occurredOn.toString());
        }
        if (occurredUntil != null) {
            node.put("occurredUntil", occurredUntil.toString());
        }
        if (location != null) {
            node.set("location", json.valueToTree(location));
        }
        if (origin != null) {
            node.set("origin", json.valueToTree(origin));
        }
        node.set("actors", json.valueToTree(actors));
        node.put("summary", summary);
        if (details != null) {
            node.set("details", details);
        }
        if (confidence != null) {
            node.put("confidence", confidence.name());
        }
        node.put("status", status.name());
        node.set("sources", json.valueToTree(sources));
        Instant reportedAt = reportedAt();
        if (reportedAt != null) {
            node.put("reportedAt", reportedAt.toString());
        }
        var linked = node.putArray("links");
        for (IncidentLinkView link : links) {
            linked.addObject().put("relation", link.relation()).put("incidentId", link.incidentId());
        }
        return node;
    }
}

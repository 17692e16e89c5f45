package org.crisistimeline.query.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.crisistimeline.query.incident.IncidentView;

/**
 * An incident as a GeoJSON Feature (RFC 7946): a Point at its coordinates, longitude first, and as properties what
 * identifies and dates it, with its origin verbatim so that a map joins back to the original rows.
 */
final class TimelineGeoJson {

    private TimelineGeoJson() {}

    static boolean located(IncidentView incident) {
        return incident.location() != null
                && incident.location().lat() != null
                && incident.location().lon() != null;
    }

    static ObjectNode feature(ObjectMapper json, IncidentView incident) {
        ObjectNode feature = json.createObjectNode().put("type", "Feature");
        feature.put("id", incident.incidentId());
        ObjectNode point = feature.putObject("geometry").put("type", "Point");
        point.putArray("coordinates")
                .add(incident.location().lon())
                .add(incident.location().lat());
        ObjectNode properties = feature.putObject("properties");
        properties.put("incidentId", incident.incidentId());
        properties.put("crisisId", incident.crisisId());
        properties.put("type", incident.type().name());
        properties.put("occurredAt", incident.occurredAt().toString());
        properties.put("occurredPrecision", incident.occurredPrecision().name());
        if (incident.occurredOn() != null) {
            properties.put("occurredOn", incident.occurredOn().toString());
        }
        if (incident.occurredUntil() != null) {
            properties.put("occurredUntil", incident.occurredUntil().toString());
        }
        properties.set("location", json.valueToTree(incident.location()));
        properties.put("summary", incident.summary());
        properties.put("status", incident.status().name());
        if (incident.origin() != null) {
            properties.set("origin", json.valueToTree(incident.origin()));
        }
        return feature;
    }
}

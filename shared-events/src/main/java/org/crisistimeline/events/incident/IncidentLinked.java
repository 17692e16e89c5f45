package org.crisistimeline.events.incident;

/** The incident relates to another one: {@code incidentId relation targetId}, e.g. a strike RETALIATION_FOR another. */
public record IncidentLinked(String incidentId, String targetId, LinkRelation relation) {}

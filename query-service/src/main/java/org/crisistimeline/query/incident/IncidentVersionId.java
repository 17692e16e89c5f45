package org.crisistimeline.query.incident;

/** One version of one incident. */
public record IncidentVersionId(String incidentId, int version) {}

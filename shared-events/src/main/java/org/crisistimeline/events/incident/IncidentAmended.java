package org.crisistimeline.events.incident;

/** A correction of a recorded incident, and why it was made. Only the fields in {@code changes} changed. */
public record IncidentAmended(String incidentId, IncidentChanges changes, String reason) {}

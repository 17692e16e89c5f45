package org.crisistimeline.events.incident;

/** An editor questioned the incident as recorded; it stays on the timelines, marked disputed. */
public record IncidentDisputed(String incidentId, String reason) {}

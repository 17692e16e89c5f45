package org.crisistimeline.events.incident;

/** An editor confirmed the incident as recorded. */
public record IncidentVerified(String incidentId, String reason) {}

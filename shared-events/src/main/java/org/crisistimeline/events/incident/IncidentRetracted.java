package org.crisistimeline.events.incident;

/**
 * The incident should not have been recorded (it did not happen, or duplicates another). Its history stays; it leaves
 * the current timelines, and nothing more is accepted for it.
 */
public record IncidentRetracted(String incidentId, String reason) {}

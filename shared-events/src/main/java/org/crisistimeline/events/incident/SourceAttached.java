package org.crisistimeline.events.incident;

/**
 * Another report of an incident was attached. If it was published before every earlier source, it moves the
 * incident's reportedAt earlier: reportedAt is the earliest publication, not the first attached.
 */
public record SourceAttached(String incidentId, Source source) {}

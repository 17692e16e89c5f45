package org.crisistimeline.query.incident;

import java.time.Instant;

/**
 * A version of an incident as the projection just stored it, for the projections that follow it in the transaction.
 *
 * @param version the number of the incident's events applied, this one included
 * @param validFrom when it became the incident's version in this system: the event's recordedAt
 * @param previous the version before, or null for the first
 */
public record IncidentVersion(
        String incidentId,
        int version,
        VersionKind kind,
        Instant validFrom,
        IncidentState state,
        IncidentState previous) {}

package org.crisistimeline.query.crisis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crisistimeline.events.incident.IncidentType;

/**
 * How many incidents of a crisis a view shows, by day (of occurredAt, in UTC), type and country (where it happened),
 * for plotting. Days without incidents are left out.
 */
public record CrisisStats(
        String crisisId,
        Instant asOf,
        Instant knownAt,
        boolean includeRetracted,
        long total,
        List<PerDay> perDay,
        List<PerType> perType,
        List<PerCountry> perCountry,
        List<PerDayAndType> perDayAndType) {

    public record PerDay(LocalDate date, long count) {}

    public record PerType(IncidentType type, long count) {}

    public record PerCountry(String country, long count) {}

    public record PerDayAndType(LocalDate date, IncidentType type, long count) {}
}

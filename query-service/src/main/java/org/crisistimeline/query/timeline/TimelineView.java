package org.crisistimeline.query.timeline;

import static org.crisistimeline.query.system.QueryParameters.flag;
import static org.crisistimeline.query.system.QueryParameters.time;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.crisistimeline.query.system.InvalidParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which versions of the incidents a timeline shows: the current ones, or those this system held at {@code asOf}; only
 * the incidents reported by {@code knownAt}; retracted ones or not. Each incident has exactly one version valid at
 * any instant, so every view shows an incident at most once per timeline.
 *
 * @param asOf recorded time: each incident as it stood here then (null: now)
 * @param knownAt reported time: only incidents with a source published by then, counting the sources attached by
 *     {@code asOf} (null: every incident)
 * @param includeRetracted show retracted incidents too, with status RETRACTED
 */
public record TimelineView(Instant asOf, Instant knownAt, boolean includeRetracted) {

    public static final List<String> PARAMETERS = List.of("asOf", "knownAt", "includeRetracted");
    public static final TimelineView CURRENT = new TimelineView(null, null, false);

    public static TimelineView parse(Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        return new TimelineView(
                time("asOf", parameters, errors),
                time("knownAt", parameters, errors),
                flag("includeRetracted", false, parameters, errors));
    }

    /**
     * Appends the conditions on the timeline_entry_version rows aliased {@code e}. The current view names the literal
     * 'infinity' so that PostgreSQL answers it from the partial index of current entries. reported_at is the earliest
     * source of the version, and a version holds the sources attached up to it: "a source known by asOf was published
     * by knownAt" is "reported_at <= knownAt" on the version valid at asOf.
     */
    public void appendConditions(StringBuilder sql, MapSqlParameterSource parameters) {
        if (asOf == null) {
            sql.append(" AND e.valid_to = 'infinity'");
        } else {
            sql.append(" AND e.valid_from <= :asOf AND e.valid_to > :asOf");
            parameters.addValue("asOf", asOf.atOffset(ZoneOffset.UTC));
        }
        if (knownAt != null) {
            sql.append(" AND e.reported_at <= :knownAt");
            parameters.addValue("knownAt", knownAt.atOffset(ZoneOffset.UTC));
        }
        if (!includeRetracted) {
            sql.append(" AND NOT e.retracted");
        }
        // not a filter (the conditions above decide) but where the scan in occurred_at order can stop: nothing after
        // it can be valid at asOf or reported by knownAt (V3__occurred_lead.sql)
        if (asOf != null) {
            sql.append(" AND e.occurred_at <= CAST(:asOf AS timestamptz)"
                    + " + (SELECT after_recorded FROM occurred_lead)");
        }
        if (knownAt != null) {
            sql.append(" AND e.occurred_at <= CAST(:knownAt AS timestamptz)"
                    + " + (SELECT after_reported FROM occurred_lead)");
        }
    }
}

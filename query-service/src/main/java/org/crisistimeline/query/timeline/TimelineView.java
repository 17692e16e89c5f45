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

    /** What the readers of {@link #entries} take from an entry: all in both indexes, so a scan can stay in them. */
    private static final String COLUMNS = "e.occurred_at, e.incident_id, e.version, e.type";

    public static TimelineView parse(Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        return new TimelineView(
                time("asOf", parameters, errors),
                time("knownAt", parameters, errors),
                flag("includeRetracted", false, parameters, errors));
    }

    /**
     * The timeline entries this view shows that also meet {@code conditions} (on rows aliased {@code e}), as a FROM
     * item aliased {@code e} of their {@link #COLUMNS}; with {@code limited}, at least the first {@code :limit} in timeline order, which the
     * caller binds and takes. Current entries are read from their partial index (the literal 'infinity' is what lets
     * PostgreSQL use it); asOf adds those superseded, from the partial index of superseded entries. Limited, the
     * superseded ones are read only up to where the first {@code :limit} current ones end: none after it can be among
     * the first {@code :limit} of both, and a superseded entry valid at asOf may be rare, so an unbounded scan for
     * the first of them could read the rest of the timeline. reported_at is the earliest source of the version, and
     * a version holds the sources attached up to it: "a source known by asOf was published by knownAt" is
     * "reported_at <= knownAt" on the version valid at asOf.
     */
    public String entries(String conditions, boolean limited, MapSqlParameterSource parameters) {
        var shared = new StringBuilder(conditions);
        if (knownAt != null) {
            shared.append(" AND e.reported_at <= :knownAt");
            parameters.addValue("knownAt", knownAt.atOffset(ZoneOffset.UTC));
        }
        if (!includeRetracted) {
            shared.append(" AND NOT e.retracted");
        }
        // not a filter (the conditions above decide) but where the scan in occurred_at order can stop: nothing after
        // it can be valid at asOf or reported by knownAt (V3__occurred_lead.sql)
        if (asOf != null) {
            shared.append(" AND e.occurred_at <= CAST(:asOf AS timestamptz)"
                    + " + (SELECT after_recorded FROM occurred_lead)");
            parameters.addValue("asOf", asOf.atOffset(ZoneOffset.UTC));
        }
        if (knownAt != null) {
            shared.append(" AND e.occurred_at <= CAST(:knownAt AS timestamptz)"
                    + " + (SELECT after_reported FROM occurred_lead)");
        }
        String order = limited ? " ORDER BY e.occurred_at, e.incident_id LIMIT :limit" : "";
        String current = "SELECT " + COLUMNS + " FROM timeline_entry_version e WHERE e.valid_to = 'infinity'"
                + (asOf == null ? "" : " AND e.valid_from <= :asOf") + shared + order;
        if (asOf == null) {
            return "(" + current + ") AS e";
        }
        String superseded = "SELECT " + COLUMNS + " FROM timeline_entry_version e WHERE e.valid_to <> 'infinity'"
                + " AND e.valid_from <= :asOf AND e.valid_to > :asOf" + shared;
        if (!limited) {
            return "((" + current + ") UNION ALL (" + superseded + ")) AS e";
        }
        return "(WITH current_entries AS (" + current + ") SELECT * FROM current_entries UNION ALL (" + superseded
                + " AND e.occurred_at <= (SELECT CASE WHEN count(*) < :limit THEN 'infinity' ELSE max(occurred_at) END"
                + " FROM current_entries)" + order + ")) AS e";
    }
}

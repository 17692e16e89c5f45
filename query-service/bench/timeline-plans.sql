-- The plans of the timeline queries on the synthetic read model of generate.sql. Each query is the SQL that
-- TimelineQueries, IncidentQueries and CrisisStatsQueries send, with the parameters written in (an asOf view reads
-- the current entries and, up to where a page of them ends, the superseded ones: TimelineView.entries).
--   psql -f timeline-plans.sql
\set ON_ERROR_STOP on
\pset pager off

\echo '== 1. current view, first page of the crisis (50 + 1 rows)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision, v.country, v.place,
       v.lat, v.lon, v.actors, v.summary, v.confidence, v.status, v.reported_at, v.recorded_at
FROM timeline_entry_version e
JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
WHERE e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_to = 'infinity' AND NOT e.retracted
ORDER BY e.occurred_at, e.incident_id LIMIT 51;

\echo '== 2. current view, a page in the middle (cursor at 2021-01-01)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision, v.country, v.place,
       v.lat, v.lon, v.actors, v.summary, v.confidence, v.status, v.reported_at, v.recorded_at
FROM timeline_entry_version e
JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
WHERE e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_to = 'infinity' AND NOT e.retracted
  AND (e.occurred_at, e.incident_id) > ('2021-01-01T00:00:00Z', 'incident-0000000')
ORDER BY e.occurred_at, e.incident_id LIMIT 51;

\echo '== 3. asOf after every event: first page'
EXPLAIN (ANALYZE, BUFFERS)
SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision, v.country, v.place,
       v.lat, v.lon, v.actors, v.summary, v.confidence, v.status, v.reported_at, v.recorded_at
FROM (WITH current_entries AS (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to = 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2022-06-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2022-06-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead)
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)
      SELECT * FROM current_entries
      UNION ALL (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to <> 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2022-06-01T00:00:00Z' AND e.valid_to > '2022-06-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2022-06-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead)
      AND e.occurred_at <= (SELECT CASE WHEN count(*) < 51 THEN 'infinity' ELSE max(occurred_at) END FROM current_entries)
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)) AS e
JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
ORDER BY e.occurred_at, e.incident_id LIMIT 51;

\echo '== 4. asOf in the middle of the two years: a page in the middle (cursor at 2020-06-01)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision, v.country, v.place,
       v.lat, v.lon, v.actors, v.summary, v.confidence, v.status, v.reported_at, v.recorded_at
FROM (WITH current_entries AS (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to = 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2021-01-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead) AND (e.occurred_at, e.incident_id) > ('2020-06-01T00:00:00Z', 'incident-0000000')
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)
      SELECT * FROM current_entries
      UNION ALL (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to <> 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2021-01-01T00:00:00Z' AND e.valid_to > '2021-01-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead) AND (e.occurred_at, e.incident_id) > ('2020-06-01T00:00:00Z', 'incident-0000000')
      AND e.occurred_at <= (SELECT CASE WHEN count(*) < 51 THEN 'infinity' ELSE max(occurred_at) END FROM current_entries)
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)) AS e
JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
ORDER BY e.occurred_at, e.incident_id LIMIT 51;

\echo '== 5. asOf in the middle: the last page (cursor at 2020-12-31, near asOf): the rest of the timeline is read'
EXPLAIN (ANALYZE, BUFFERS)
SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision, v.country, v.place,
       v.lat, v.lon, v.actors, v.summary, v.confidence, v.status, v.reported_at, v.recorded_at
FROM (WITH current_entries AS (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to = 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2021-01-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead) AND (e.occurred_at, e.incident_id) > ('2020-12-31T00:00:00Z', 'incident-0000000')
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)
      SELECT * FROM current_entries
      UNION ALL (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to <> 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2021-01-01T00:00:00Z' AND e.valid_to > '2021-01-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead) AND (e.occurred_at, e.incident_id) > ('2020-12-31T00:00:00Z', 'incident-0000000')
      AND e.occurred_at <= (SELECT CASE WHEN count(*) < 51 THEN 'infinity' ELSE max(occurred_at) END FROM current_entries)
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)) AS e
JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
ORDER BY e.occurred_at, e.incident_id LIMIT 51;

\echo '== 6. asOf two weeks into the two years: first page'
EXPLAIN (ANALYZE, BUFFERS)
SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision, v.country, v.place,
       v.lat, v.lon, v.actors, v.summary, v.confidence, v.status, v.reported_at, v.recorded_at
FROM (WITH current_entries AS (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to = 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2020-01-15T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2020-01-15T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead)
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)
      SELECT * FROM current_entries
      UNION ALL (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to <> 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2020-01-15T00:00:00Z' AND e.valid_to > '2020-01-15T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2020-01-15T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead)
      AND e.occurred_at <= (SELECT CASE WHEN count(*) < 51 THEN 'infinity' ELSE max(occurred_at) END FROM current_entries)
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)) AS e
JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
ORDER BY e.occurred_at, e.incident_id LIMIT 51;

\echo '== 7. knownAt in the middle, current versions: the last page (cursor at 2020-12-31)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision, v.country, v.place,
       v.lat, v.lon, v.actors, v.summary, v.confidence, v.status, v.reported_at, v.recorded_at
FROM timeline_entry_version e
JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
WHERE e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_to = 'infinity'
  AND e.reported_at <= '2021-01-01T00:00:00Z' AND NOT e.retracted
  AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_reported FROM occurred_lead)
  AND (e.occurred_at, e.incident_id) > ('2020-12-31T00:00:00Z', 'incident-0000000')
ORDER BY e.occurred_at, e.incident_id LIMIT 51;

\echo '== 8. asOf and knownAt together, a country (CA): a page in the middle'
EXPLAIN (ANALYZE, BUFFERS)
SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision, v.country, v.place,
       v.lat, v.lon, v.actors, v.summary, v.confidence, v.status, v.reported_at, v.recorded_at
FROM (WITH current_entries AS (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to = 'infinity' AND e.scope = 'country' AND e.scope_key = 'CA' AND e.valid_from <= '2021-01-01T00:00:00Z' AND e.reported_at <= '2020-12-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead) AND e.occurred_at <= CAST('2020-12-01T00:00:00Z' AS timestamptz) + (SELECT after_reported FROM occurred_lead) AND (e.occurred_at, e.incident_id) > ('2020-06-01T00:00:00Z', 'incident-0000000')
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)
      SELECT * FROM current_entries
      UNION ALL (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to <> 'infinity' AND e.scope = 'country' AND e.scope_key = 'CA' AND e.valid_from <= '2021-01-01T00:00:00Z' AND e.valid_to > '2021-01-01T00:00:00Z' AND e.reported_at <= '2020-12-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead) AND e.occurred_at <= CAST('2020-12-01T00:00:00Z' AS timestamptz) + (SELECT after_reported FROM occurred_lead) AND (e.occurred_at, e.incident_id) > ('2020-06-01T00:00:00Z', 'incident-0000000')
      AND e.occurred_at <= (SELECT CASE WHEN count(*) < 51 THEN 'infinity' ELSE max(occurred_at) END FROM current_entries)
      ORDER BY e.occurred_at, e.incident_id LIMIT 51)) AS e
JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
ORDER BY e.occurred_at, e.incident_id LIMIT 51;

\echo '== 9. the size check of an export (up to 100,001), asOf in the middle'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM (SELECT 1 FROM (WITH current_entries AS (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to = 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2021-01-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead)
                             ORDER BY e.occurred_at, e.incident_id LIMIT 100001)
                             SELECT * FROM current_entries
                             UNION ALL (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to <> 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2021-01-01T00:00:00Z' AND e.valid_to > '2021-01-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead)
                             AND e.occurred_at <= (SELECT CASE WHEN count(*) < 100001 THEN 'infinity' ELSE max(occurred_at) END FROM current_entries)
                             ORDER BY e.occurred_at, e.incident_id LIMIT 100001)) AS e
                      LIMIT 100001) AS shown;

\echo '== 10. crisis stats, asOf in the middle'
EXPLAIN (ANALYZE, BUFFERS)
SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, e.type, v.country, count(*) AS incidents
FROM ((SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to = 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2021-01-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead))
      UNION ALL (SELECT e.occurred_at, e.incident_id, e.version, e.type FROM timeline_entry_version e WHERE e.valid_to <> 'infinity' AND e.scope = 'crisis' AND e.scope_key = 'big' AND e.valid_from <= '2021-01-01T00:00:00Z' AND e.valid_to > '2021-01-01T00:00:00Z' AND NOT e.retracted AND e.occurred_at <= CAST('2021-01-01T00:00:00Z' AS timestamptz) + (SELECT after_recorded FROM occurred_lead))) AS e
JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
GROUP BY 1, 2, 3;

\echo '== 11. one incident as of a time'
EXPLAIN (ANALYZE, BUFFERS)
SELECT version FROM incident_version
WHERE incident_id = 'incident-0061234' AND valid_from <= '2021-01-01T00:00:00Z' AND valid_to > '2021-01-01T00:00:00Z';

-- Synthetic read model for looking at the plans of the timeline queries (see timeline-plans.sql).
-- Run on a scratch database where the Flyway migrations of src/main/resources/db/migration have been applied:
--   psql -v incidents=120000 -f generate.sql
-- One crisis ("big") holds every incident, so its timeline is the longest there can be; incidents are spread over
-- 25 countries and 1,000 actors (in 40 countries), occurred over two years. Each incident is reported 0-48 h after it
-- occurred, recorded 0-72 h after that, and has 1 to 4 versions (60/25/10/5 %), each 1 h to 30 days after the one
-- before; a third of the corrections move occurredAt by up to 2 days, 3 % of incidents end retracted.
\set ON_ERROR_STOP on
\if :{?incidents}
\else
\set incidents 120000
\endif

SELECT setseed(0.42);

INSERT INTO crisis (crisis_id, name, countries) VALUES ('big', 'Big synthetic crisis', '[]');

INSERT INTO actor (actor_id, name, kind, country)
SELECT 'actor-' || a, 'Actor ' || a, 'PERSON', 'C' || chr(65 + (a % 26)) -- CA .. CZ
FROM generate_series(1, 1000) a;

CREATE TEMP TABLE generated AS
SELECT i,
       'incident-' || lpad(i::text, 7, '0') AS incident_id,
       occurred,
       occurred + random() * interval '48 hours' AS reported,
       CASE WHEN r < 0.60 THEN 1 WHEN r < 0.85 THEN 2 WHEN r < 0.95 THEN 3 ELSE 4 END AS versions,
       random() < 0.03 AS retracted,
       'C' || chr(65 + (i % 25)) AS country,
       'actor-' || (1 + (i * 7) % 1000) AS actor1,
       'actor-' || (1 + (i * 13 + 500) % 1000) AS actor2,
       (ARRAY['STRIKE','VOTE','STATEMENT','STAFFING_CHANGE','PROTEST','SANCTION','AGREEMENT','TRAVEL_ADVISORY'])[1 + i % 8]
           AS type
FROM (SELECT i, timestamptz '2020-01-01 00:00+00' + random() * interval '730 days' AS occurred, random() AS r
      FROM generate_series(1, :incidents) i) g;

-- one row per version with its validity; the occurredAt of each version
CREATE TEMP TABLE generated_version AS
WITH RECURSIVE v AS (
    SELECT g.incident_id, 1 AS version, g.versions, g.retracted,
           g.reported + random() * interval '72 hours' AS valid_from, g.occurred AS occurred_at
    FROM generated g
    UNION ALL
    SELECT v.incident_id, v.version + 1, v.versions, v.retracted,
           v.valid_from + interval '1 hour' + random() * interval '30 days',
           CASE WHEN random() < 0.33 THEN v.occurred_at + (random() - 0.5) * interval '4 days' ELSE v.occurred_at END
    FROM v WHERE v.version < v.versions
)
SELECT v.*, lead(v.valid_from, 1, 'infinity') OVER (PARTITION BY v.incident_id ORDER BY v.version) AS valid_to,
       v.retracted AND v.version = v.versions AND v.versions > 1 AS is_retracted
FROM v;

INSERT INTO incident_version (incident_id, version, kind, valid_from, valid_to, crisis_id, type, occurred_at,
                              occurred_precision, country, place, lat, lon, actors, summary, details, confidence,
                              status, reported_at, recorded_at)
SELECT v.incident_id, v.version,
       CASE WHEN v.version = 1 THEN 'RECORDED' WHEN v.is_retracted THEN 'RETRACTED' ELSE 'AMENDED' END,
       v.valid_from, v.valid_to, 'big', g.type, v.occurred_at, 'MINUTE', g.country, 'Somewhere', 33.3, 44.4,
       jsonb_build_array(jsonb_build_object('actorId', g.actor1, 'role', 'INITIATOR'),
                         jsonb_build_object('actorId', g.actor2, 'role', 'TARGET')),
       'Synthetic incident ' || g.i, '{}', 'MEDIUM',
       CASE WHEN v.is_retracted THEN 'RETRACTED' ELSE 'RECORDED' END,
       g.reported, first_value(v.valid_from) OVER (PARTITION BY v.incident_id ORDER BY v.version)
FROM generated_version v JOIN generated g USING (incident_id);

INSERT INTO incident_source (incident_id, position, publisher, url, published_at, excerpt, attached_version,
                             attached_at)
SELECT g.incident_id, 0, 'Wire', 'https://example.org/' || g.i, g.reported, NULL, 1, v.valid_from
FROM generated g JOIN generated_version v ON v.incident_id = g.incident_id AND v.version = 1;

INSERT INTO incident_named_actor (actor_id, incident_id)
SELECT DISTINCT a, g.incident_id FROM generated g, unnest(ARRAY[g.actor1, g.actor2]) a;

-- the entries the projection writes: crisis, location country, each actor, each actor's country
INSERT INTO timeline_entry_version (scope, scope_key, occurred_at, incident_id, version, type, valid_from, valid_to,
                                    retracted, reported_at)
SELECT DISTINCT s.scope, s.scope_key, v.occurred_at, v.incident_id, v.version, g.type, v.valid_from, v.valid_to,
       v.is_retracted, g.reported
FROM generated_version v
JOIN generated g USING (incident_id)
JOIN actor a1 ON a1.actor_id = g.actor1
JOIN actor a2 ON a2.actor_id = g.actor2
CROSS JOIN LATERAL (VALUES ('crisis', 'big'), ('country', g.country), ('actor', g.actor1), ('actor', g.actor2),
                           ('country', a1.country), ('country', a2.country)) AS s (scope, scope_key);

-- as the projection keeps it (V3__occurred_lead.sql)
UPDATE occurred_lead
SET after_recorded = (SELECT greatest(interval '0', max(occurred_at - valid_from)) FROM timeline_entry_version),
    after_reported = (SELECT greatest(interval '0', max(occurred_at - reported_at)) FROM timeline_entry_version);

VACUUM ANALYZE;

SELECT (SELECT count(*) FROM generated) AS incidents,
       (SELECT count(*) FROM incident_version) AS versions,
       (SELECT count(*) FROM timeline_entry_version) AS entries,
       (SELECT count(*) FROM timeline_entry_version WHERE scope = 'crisis') AS crisis_entries,
       (SELECT count(*) FROM timeline_entry_version WHERE scope = 'country' AND scope_key = 'CA') AS country_ca_entries,
       pg_size_pretty(pg_total_relation_size('timeline_entry_version')) AS entries_size;

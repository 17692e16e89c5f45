-- Synthetic incidents :lo .. :hi - 1 written straight into the query service's read model, in the rows its projection
-- writes (incident_version, incident_source, incident_named_actor, timeline_entry_version, occurred_lead), so that the
-- timelines can be measured at a million incidents without recording a million through the API first. Deterministic
-- (hashes of the incident number, no random()): two runs build the same read model.
-- Crisis bench-scale holds them all; 25 countries, 1,000 actors; occurred over 2020-2021; reported 0-48 h later,
-- recorded 0-72 h after that; 20 % amended once 1 h-30 days later (a third of those moving occurredAt by up to a day
-- either way), and 2 % retracted by that second version.
CREATE TEMP TABLE scale_incident ON COMMIT DROP AS
SELECT i,
       'scale-' || lpad(i::text, 7, '0') AS incident_id,
       occurred,
       occurred + (abs(hashint8(i * 3 + 1)) % 172800) * interval '1 second' AS reported,
       (ARRAY['IQ','IR','US','GB','SY','IL','LB','YE','SA','AE','QA','JO','TR','EG','UA',
              'RU','PL','DE','FR','SD','ET','MM','TH','CN','IN'])[1 + i % 25] AS country,
       1 + (i * 7) % 1000 AS actor1,
       1 + (i * 13 + 500) % 1000 AS actor2,
       (ARRAY['STRIKE','VOTE','STATEMENT','STAFFING_CHANGE','PROTEST','SANCTION','AGREEMENT','TRAVEL_ADVISORY'])
           [1 + i % 8] AS type,
       abs(hashint8(i * 3 + 2)) % 100 AS fate
FROM (SELECT i, timestamptz '2020-01-01 00:00+00' + (abs(hashint8(i)) % 63072000) * interval '1 second' AS occurred
      FROM generate_series(:lo::bigint, :hi::bigint - 1) i) g;

CREATE TEMP TABLE scale_version ON COMMIT DROP AS
WITH first AS (
    SELECT s.*, s.reported + (abs(hashint8(s.i * 5 + 1)) % 259200) * interval '1 second' AS recorded
    FROM scale_incident s
)
SELECT f.incident_id, 1 AS version, f.recorded AS valid_from,
       CASE WHEN f.fate < 20 THEN f.recorded + interval '1 hour' + (abs(hashint8(f.i * 5 + 2)) % 2592000) * interval '1 second'
            ELSE 'infinity' END AS valid_to,
       f.occurred AS occurred_at, false AS retracted, 'RECORDED' AS kind, f.recorded
FROM first f
UNION ALL
SELECT f.incident_id, 2, f.recorded + interval '1 hour' + (abs(hashint8(f.i * 5 + 2)) % 2592000) * interval '1 second',
       'infinity',
       CASE WHEN abs(hashint8(f.i * 5 + 3)) % 3 = 0
            THEN f.occurred + ((abs(hashint8(f.i * 5 + 4)) % 172800) - 86400) * interval '1 second'
            ELSE f.occurred END,
       f.fate < 2, CASE WHEN f.fate < 2 THEN 'RETRACTED' ELSE 'AMENDED' END, f.recorded
FROM first f
WHERE f.fate < 20;

INSERT INTO incident_version (incident_id, version, kind, valid_from, valid_to, recorded_by, crisis_id, type,
                              occurred_at, occurred_precision, country, place, lat, lon, actors, summary, details,
                              confidence, status, reported_at, recorded_at)
SELECT v.incident_id, v.version, v.kind, v.valid_from, v.valid_to, 'bench', 'bench-scale', s.type, v.occurred_at,
       'MINUTE', s.country, 'Place ' || (s.i % 500), 33.3, 44.4,
       jsonb_build_array(jsonb_build_object('actorId', 'scale-actor-' || s.actor1, 'role', 'INITIATOR'),
                         jsonb_build_object('actorId', 'scale-actor-' || s.actor2, 'role', 'TARGET')),
       'Synthetic ' || lower(s.type) || ' number ' || s.i || ' in ' || s.country, '{}', 'MEDIUM',
       CASE WHEN v.retracted THEN 'RETRACTED' ELSE 'RECORDED' END, s.reported, v.recorded
FROM scale_version v JOIN scale_incident s USING (incident_id);

INSERT INTO incident_source (incident_id, position, publisher, url, published_at, excerpt, attached_version,
                             attached_at)
SELECT s.incident_id, 0, 'Wire', 'https://example.org/scale/' || s.i, s.reported, NULL, 1, v.valid_from
FROM scale_incident s JOIN scale_version v ON v.incident_id = s.incident_id AND v.version = 1;

INSERT INTO incident_named_actor (actor_id, incident_id)
SELECT DISTINCT 'scale-actor-' || a, s.incident_id FROM scale_incident s, unnest(ARRAY[s.actor1, s.actor2]) a;

-- the entries the projection writes: the crisis, the location's country, each actor and each actor's country
INSERT INTO timeline_entry_version (scope, scope_key, occurred_at, incident_id, version, type, valid_from, valid_to,
                                    retracted, reported_at)
SELECT DISTINCT e.scope, e.scope_key, v.occurred_at, v.incident_id, v.version, s.type, v.valid_from, v.valid_to,
       v.retracted, s.reported
FROM scale_version v
JOIN scale_incident s USING (incident_id)
CROSS JOIN LATERAL (VALUES ('crisis', 'bench-scale'),
                           ('country', s.country),
                           ('actor', 'scale-actor-' || s.actor1),
                           ('actor', 'scale-actor-' || s.actor2),
                           ('country', (SELECT country FROM actor WHERE actor_id = 'scale-actor-' || s.actor1)),
                           ('country', (SELECT country FROM actor WHERE actor_id = 'scale-actor-' || s.actor2)))
    AS e(scope, scope_key);

UPDATE occurred_lead
SET after_recorded = greatest(after_recorded, (SELECT coalesce(max(occurred_at - valid_from), '0') FROM scale_version)),
    after_reported = greatest(after_reported,
                              (SELECT coalesce(max(v.occurred_at - s.reported), '0')
                               FROM scale_version v JOIN scale_incident s USING (incident_id)));

-- IncidentRecorded v2 (issue 6): a strike's casualties are low/best/high estimates instead of plain counts. Incidents
-- applied from v1 events before this version keep their details as they were stored; this brings them into today's
-- shape the way the upcaster brings the v1 events still on the topic: a count n becomes {"low": n, "best": n,
-- "high": n}. An estimate is left as it is, so running this twice changes nothing.
UPDATE incident
SET details = jsonb_set(details, '{casualties}', (
        SELECT jsonb_object_agg(
                   figure,
                   CASE WHEN jsonb_typeof(reported) = 'number'
                        THEN jsonb_build_object('low', reported, 'best', reported, 'high', reported)
                        ELSE reported
                   END)
        FROM jsonb_each(details -> 'casualties') AS casualty (figure, reported)))
WHERE type = 'STRIKE'
  AND jsonb_typeof(details -> 'casualties') = 'object'
  AND details -> 'casualties' <> '{}'::jsonb;

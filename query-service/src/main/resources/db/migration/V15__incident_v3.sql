-- IncidentRecorded v3 (issue 11): calendar dates and ranges, an optional location with admin areas and the data set's
-- own location precision, the data set origin kept verbatim, and citations without URL or publication time. Nothing
-- may assume a location, a country, sources or actors any more. Rows applied before stay valid: the new columns are
-- null for them (reading falls back to occurred_at's UTC date for a DAY or MONTH incident, as the upcaster does).

ALTER TABLE incident_version ALTER COLUMN country DROP NOT NULL;
ALTER TABLE incident_version ADD COLUMN occurred_on date;
ALTER TABLE incident_version ADD COLUMN occurred_until date;
ALTER TABLE incident_version ADD COLUMN admin1 text;
ALTER TABLE incident_version ADD COLUMN admin2 text;
ALTER TABLE incident_version ADD COLUMN admin3 text;
-- the source's own precision, verbatim (UCDP where_prec, ACLED geo_precision)
ALTER TABLE incident_version ADD COLUMN location_precision text;
-- {"dataset", "release", "rowId", "codes": {...}, "revision"} as in the event, null when recorded through the API
ALTER TABLE incident_version ADD COLUMN origin jsonb;

-- a citation has neither (UCDP source_article, ACLED source)
ALTER TABLE incident_source ALTER COLUMN url DROP NOT NULL;
ALTER TABLE incident_source ALTER COLUMN published_at DROP NOT NULL;

-- The dataset and code filters of timelines are checked in the entries, like type: origin_dataset equals, origin_codes
-- contains (@>) the codes asked for.
ALTER TABLE timeline_entry_version ADD COLUMN origin_dataset text;
ALTER TABLE timeline_entry_version ADD COLUMN origin_codes jsonb;
CREATE INDEX timeline_entry_by_dataset ON timeline_entry_version (scope, scope_key, origin_dataset, occurred_at, incident_id)
    WHERE valid_to = 'infinity' AND origin_dataset IS NOT NULL;

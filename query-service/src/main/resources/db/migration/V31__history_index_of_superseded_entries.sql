-- The asOf index (timeline_entry_history) held every entry, current ones too, although timeline_entry_current already
-- orders those: an asOf page now reads the current entries from timeline_entry_current, which gains valid_from, and
-- the superseded ones from timeline_entry_history, which keeps only them; the two short scans are merged
-- (TimelineView.entries). A new entry is written into two wide indexes instead of three, and a rebuild that deferred
-- its indexes (V30) builds the history of the superseded entries alone.
DROP INDEX IF EXISTS timeline_entry_current;
DROP INDEX IF EXISTS timeline_entry_history;

CREATE INDEX timeline_entry_current ON timeline_entry_version (scope, scope_key, occurred_at, incident_id)
    INCLUDE (type, retracted, reported_at, version, valid_from)
    WHERE valid_to = 'infinity';

CREATE INDEX timeline_entry_history ON timeline_entry_version (scope, scope_key, occurred_at, incident_id)
    INCLUDE (type, valid_from, valid_to, retracted, reported_at, version)
    WHERE valid_to <> 'infinity';

-- built just now: a rebuild in progress that had deferred them no longer holds their old definitions
UPDATE index_deferral SET definition = NULL WHERE name IN ('timeline_entry_current', 'timeline_entry_history');

-- The audit trail (audit_entry) and the event log held one row each per applied event, with the same event type,
-- aggregate, sequence and recording time in the same order: every event cost two rows, two primary keys and two
-- COPYs. The event log now carries who recorded the event and why, and auditors read it; audit positions become the
-- event log's positions.
ALTER TABLE event_log ADD COLUMN principal text;
ALTER TABLE event_log ADD COLUMN reason text;

-- an event is applied once, so aggregate and sequence name one row of each table
UPDATE event_log l SET principal = a.principal, reason = a.reason
FROM audit_entry a
WHERE a.aggregate_id = l.aggregate_id AND a.sequence = l.sequence;

DROP TABLE audit_entry;

CREATE INDEX event_log_by_principal ON event_log (principal, position);
CREATE INDEX event_log_by_aggregate ON event_log (aggregate_id, position);
CREATE INDEX event_log_by_time ON event_log (recorded_at, position);

DELETE FROM index_deferral WHERE name LIKE 'audit_entry_%';
INSERT INTO index_deferral (name) VALUES
    ('event_log_by_principal'),
    ('event_log_by_aggregate'),
    ('event_log_by_time');

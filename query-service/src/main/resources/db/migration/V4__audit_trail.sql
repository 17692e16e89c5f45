-- Who did what, when and why, one row per event applied: the principal and reason the command service stored with the
-- event (ce_principal; the reason of a correction, verdict or retraction is in the event itself). The client address
-- is not here: it stays in the event store. Pages are read newest first by position.
CREATE TABLE audit_entry (
    position     bigserial PRIMARY KEY,
    event_type   text NOT NULL,
    aggregate_id text COLLATE "C" NOT NULL,
    sequence     bigint NOT NULL,
    recorded_at  timestamptz NOT NULL,
    principal    text,
    reason       text
);

CREATE INDEX audit_entry_by_principal ON audit_entry (principal, position);
CREATE INDEX audit_entry_by_aggregate ON audit_entry (aggregate_id, position);
CREATE INDEX audit_entry_by_time ON audit_entry (recorded_at, position);

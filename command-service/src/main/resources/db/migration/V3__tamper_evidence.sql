-- Stored events are never changed or deleted: Axon only ever inserts into domain_event_entry, so an UPDATE, DELETE or
-- TRUNCATE of it is a mistake or an attack, and is refused here whoever sends it (the service's role included).
--
-- This stops accidents and anything that reaches the database through the service's connection. It does not stop the
-- table's owner or a superuser, who can disable triggers (ALTER TABLE ... DISABLE TRIGGER, or
-- SET session_replication_role = replica): that is what the hash chain and signed checkpoints are for
-- (GET /api/v1/audit/verify). In production the service should also run as a role that is not the table's owner and
-- holds only SELECT and INSERT on it (docs/architecture.md, "Tamper evidence").
--
-- snapshot_event_entry is left alone: snapshots are derived from events, Axon replaces them by deleting old ones, and
-- none are taken today.

CREATE FUNCTION refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stored events are immutable: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'correct an incident with a new event (an amendment or a retraction), never by changing one';
END
$$;

CREATE TRIGGER domain_event_entry_immutable
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER domain_event_entry_not_truncated
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

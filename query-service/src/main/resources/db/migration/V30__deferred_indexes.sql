-- Secondary indexes that only queries use, never the projections. A read model rebuilt from an empty database drops
-- them before the first event, applies the topic, and builds them again once caught up (DeferredIndexes): building an
-- index once, sorted, costs a fraction of keeping it up to date row by row. While one is dropped, its definition is
-- kept here and the service is not ready.
CREATE TABLE index_deferral (
    name       text PRIMARY KEY,
    -- pg_get_indexdef of the dropped index; null while it exists
    definition text
);

INSERT INTO index_deferral (name) VALUES
    ('timeline_entry_current'),
    ('timeline_entry_history'),
    ('timeline_entry_by_dataset'),
    ('audit_entry_by_principal'),
    ('audit_entry_by_aggregate'),
    ('audit_entry_by_time');

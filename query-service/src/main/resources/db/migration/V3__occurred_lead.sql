-- How much later than its recordedAt, and than its reportedAt, the occurredAt of any timeline entry is: zero unless an
-- event said otherwise (the command service refuses an occurredAt in the future, but a reader does not rely on it).
-- An entry valid at asOf then occurred by asOf + after_recorded, and one reported by knownAt occurred by
-- knownAt + after_reported. Those bounds end the range scan of an asOf or knownAt page where the entries that can
-- still be shown end, instead of at the end of the timeline; being maxima over every entry, they never hide one.
CREATE TABLE occurred_lead (
    only_row       boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    after_recorded interval NOT NULL DEFAULT '0',
    after_reported interval NOT NULL DEFAULT '0'
);

INSERT INTO occurred_lead (after_recorded, after_reported)
SELECT greatest(interval '0', coalesce(max(occurred_at - valid_from), interval '0')),
       greatest(interval '0', coalesce(max(occurred_at - reported_at), interval '0'))
FROM timeline_entry_version;

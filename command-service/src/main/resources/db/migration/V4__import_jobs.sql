-- Imports of data set files (POST /api/v1/imports): one row per job with its progress, and the rows it refused.
-- Progress is written in the transaction of each batch, so the counts always match what the event store holds.
CREATE TABLE import_job (
    id              UUID        PRIMARY KEY,
    state           TEXT        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED')),
    format          TEXT        NOT NULL,
    file_name       TEXT        NOT NULL,
    file_sha256     TEXT        NOT NULL,
    file_bytes      BIGINT      NOT NULL,
    bytes_read      BIGINT      NOT NULL DEFAULT 0,
    crisis_id       TEXT        NOT NULL,
    create_crisis   TEXT,
    release         TEXT,
    dry_run         BOOLEAN     NOT NULL,
    retract_missing BOOLEAN     NOT NULL,
    principal       TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    rows_read       BIGINT      NOT NULL DEFAULT 0,
    imported        BIGINT      NOT NULL DEFAULT 0,
    unchanged       BIGINT      NOT NULL DEFAULT 0,
    amended         BIGINT      NOT NULL DEFAULT 0,
    retracted       BIGINT      NOT NULL DEFAULT 0,
    refused         BIGINT      NOT NULL DEFAULT 0,
    failure         TEXT
);

-- the first problems of each job (crisis-timeline.imports.max-reported-problems); refused counts them all
CREATE TABLE import_problem (
    job_id      UUID   NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line        BIGINT NOT NULL,
    column_name TEXT,
    reason      TEXT   NOT NULL
);
CREATE INDEX import_problem_by_job ON import_problem (job_id, line);

-- The read model of the query service, built only from the event topic. It can be dropped and rebuilt by replaying
-- the topic from the start.
--
-- Ids are opaque keys compared byte-wise (COLLATE "C"): timelines are ordered by occurredAt then incident id, and that
-- order, and the cursors continuing it, must not depend on the server's locale. Every id column has the collation so
-- that they can be joined with one another.

CREATE TABLE actor (
    actor_id text COLLATE "C" PRIMARY KEY,
    name     text NOT NULL,
    kind     text NOT NULL,
    -- international bodies may have no country
    country  text,
    aliases  jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE crisis (
    crisis_id  text COLLATE "C" PRIMARY KEY,
    name       text NOT NULL,
    summary    text,
    countries  jsonb NOT NULL DEFAULT '[]',
    started_on date
);

CREATE TABLE incident (
    incident_id        text COLLATE "C" PRIMARY KEY,
    crisis_id          text COLLATE "C" NOT NULL,
    type               text NOT NULL,
    occurred_at        timestamptz NOT NULL,
    occurred_precision text NOT NULL,
    country            text NOT NULL,
    place              text,
    lat                double precision,
    lon                double precision,
    summary            text NOT NULL,
    details            jsonb,
    confidence         text,
    -- the earliest publishedAt of the sources: when the world learned of it
    reported_at        timestamptz,
    -- ce_time of IncidentRecorded: when the command service stored it
    recorded_at        timestamptz NOT NULL,
    -- ce_time of the last event applied, not the clock, so that a replay rebuilds the same value
    updated_at         timestamptz NOT NULL,
    -- the number of events of the incident applied
    version            integer NOT NULL
);

CREATE TABLE incident_actor (
    incident_id text COLLATE "C" NOT NULL REFERENCES incident ON DELETE CASCADE,
    position    integer NOT NULL,
    actor_id    text COLLATE "C" NOT NULL,
    role        text NOT NULL,
    PRIMARY KEY (incident_id, position)
);

-- an actor registered after the incidents that name it finds them here
CREATE INDEX incident_actor_by_actor ON incident_actor (actor_id);

CREATE TABLE incident_source (
    incident_id  text COLLATE "C" NOT NULL REFERENCES incident ON DELETE CASCADE,
    position     integer NOT NULL,
    publisher    text NOT NULL,
    url          text NOT NULL,
    published_at timestamptz NOT NULL,
    excerpt      text,
    PRIMARY KEY (incident_id, position)
);

-- One row per incident and timeline it is on, so that a page of any timeline is one range scan of
-- timeline_entry_page, however many incidents there are.
CREATE TABLE timeline_entry (
    scope       text NOT NULL CHECK (scope IN ('country', 'actor', 'crisis')),
    scope_key   text COLLATE "C" NOT NULL,
    occurred_at timestamptz NOT NULL,
    incident_id text COLLATE "C" NOT NULL,
    type        text NOT NULL,
    PRIMARY KEY (scope, scope_key, incident_id)
);

-- type is included so that a filter on it is checked in the index without visiting the table
CREATE INDEX timeline_entry_page ON timeline_entry (scope, scope_key, occurred_at, incident_id) INCLUDE (type);

-- The sequence number of the last event applied per aggregate, updated in the transaction that applies the event:
-- a redelivered event has a sequence at or below it and is skipped.
CREATE TABLE aggregate_position (
    aggregate_id  text COLLATE "C" PRIMARY KEY,
    last_sequence bigint NOT NULL
);

-- System-versioned read model: every event of an incident makes a new version of it, valid in recorded time from the
-- event's ce_time (valid_from) until the ce_time of the incident's next event (valid_to, 'infinity' while current).
-- "The incident as this system held it at T" is the version with valid_from <= T < valid_to: a lookup, not a replay.
--
-- The rows of V1 (only IncidentRecorded was projected then) become version 1 of their incident.

CREATE TABLE incident_version (
    incident_id        text COLLATE "C" NOT NULL,
    -- the number of the incident's events applied up to this one: ce_sequence + 1
    version            integer NOT NULL,
    -- what made this version: RECORDED, AMENDED, SOURCE_ATTACHED, DISPUTED, VERIFIED, RETRACTED or LINKED
    kind               text NOT NULL,
    -- recordedAt of the event that made this version
    valid_from         timestamptz NOT NULL,
    -- recordedAt of the next event of the incident
    valid_to           timestamptz NOT NULL DEFAULT 'infinity',
    -- the principal that recorded the event; not published yet (null until the events carry it)
    recorded_by        text,
    -- why: the reason of an amendment, dispute, verification or retraction
    reason             text,
    crisis_id          text COLLATE "C" NOT NULL,
    type               text NOT NULL,
    occurred_at        timestamptz NOT NULL,
    occurred_precision text NOT NULL,
    country            text NOT NULL,
    place              text,
    lat                double precision,
    lon                double precision,
    -- [{"actorId": ..., "role": ...}] in the order recorded
    actors             jsonb NOT NULL,
    summary            text NOT NULL,
    details            jsonb,
    confidence         text,
    -- RECORDED, DISPUTED, VERIFIED (the latest of the two wins) or RETRACTED (final)
    status             text NOT NULL,
    -- the earliest publishedAt of the sources attached up to this version
    reported_at        timestamptz,
    -- valid_from of version 1: when the incident was first recorded
    recorded_at        timestamptz NOT NULL,
    PRIMARY KEY (incident_id, version),
    CHECK (valid_from <= valid_to)
);

INSERT INTO incident_version (incident_id, version, kind, valid_from, crisis_id, type, occurred_at, occurred_precision,
                              country, place, lat, lon, actors, summary, details, confidence, status, reported_at,
                              recorded_at)
SELECT i.incident_id, 1, 'RECORDED', i.recorded_at, i.crisis_id, i.type, i.occurred_at, i.occurred_precision,
       i.country, i.place, i.lat, i.lon,
       coalesce((SELECT jsonb_agg(jsonb_build_object('actorId', ia.actor_id, 'role', ia.role) ORDER BY ia.position)
                 FROM incident_actor ia
                 WHERE ia.incident_id = i.incident_id), '[]'),
       i.summary, i.details, i.confidence, 'RECORDED', i.reported_at, i.recorded_at
FROM incident i;

-- Sources are only ever added: a source belongs to every version from the one that attached it.
ALTER TABLE incident_source DROP CONSTRAINT incident_source_incident_id_fkey;
ALTER TABLE incident_source ADD COLUMN attached_version integer;
ALTER TABLE incident_source ADD COLUMN attached_at timestamptz;
UPDATE incident_source s SET attached_version = 1, attached_at = i.recorded_at
FROM incident i WHERE i.incident_id = s.incident_id;
ALTER TABLE incident_source ALTER COLUMN attached_version SET NOT NULL;
ALTER TABLE incident_source ALTER COLUMN attached_at SET NOT NULL;

-- Every actor any version of an incident named: an actor registered after such incidents finds them here.
CREATE TABLE incident_named_actor (
    actor_id    text COLLATE "C" NOT NULL,
    incident_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (actor_id, incident_id)
);
INSERT INTO incident_named_actor (actor_id, incident_id)
SELECT DISTINCT actor_id, incident_id FROM incident_actor;

-- "A relation B", as recorded by B's IncidentLinked; the link is shown on B too, with the inverse wording.
CREATE TABLE incident_link (
    incident_id text COLLATE "C" NOT NULL,
    target_id   text COLLATE "C" NOT NULL,
    relation    text NOT NULL,
    -- the version of incident_id that the link made, and its recordedAt
    version     integer NOT NULL,
    linked_at   timestamptz NOT NULL,
    PRIMARY KEY (incident_id, target_id, relation)
);
CREATE INDEX incident_link_by_target ON incident_link (target_id);

-- One row per version of an incident and timeline that version is on. A version moves between timelines and along
-- them when an amendment changes its crisis, country, actors or occurredAt. reported_at, retracted and type are
-- copied from the version so that the knownAt, retraction and type filters are checked inside the indexes.
CREATE TABLE timeline_entry_version (
    scope       text NOT NULL CHECK (scope IN ('country', 'actor', 'crisis')),
    scope_key   text COLLATE "C" NOT NULL,
    occurred_at timestamptz NOT NULL,
    incident_id text COLLATE "C" NOT NULL,
    version     integer NOT NULL,
    type        text NOT NULL,
    valid_from  timestamptz NOT NULL,
    valid_to    timestamptz NOT NULL DEFAULT 'infinity',
    retracted   boolean NOT NULL,
    reported_at timestamptz,
    PRIMARY KEY (incident_id, version, scope, scope_key)
);

INSERT INTO timeline_entry_version (scope, scope_key, occurred_at, incident_id, version, type, valid_from, retracted,
                                    reported_at)
SELECT e.scope, e.scope_key, e.occurred_at, e.incident_id, 1, e.type, i.recorded_at, false, i.reported_at
FROM timeline_entry e
JOIN incident i ON i.incident_id = e.incident_id;

-- The current view: only the versions valid now, so a page costs what it cost before versions existed, however long
-- the histories grow. The literal 'infinity' in a query's WHERE is what lets PostgreSQL use it.
CREATE INDEX timeline_entry_current ON timeline_entry_version (scope, scope_key, occurred_at, incident_id)
    INCLUDE (type, retracted, reported_at, version)
    WHERE valid_to = 'infinity';

-- asOf: the same order over every version, with the validity checked in the index (each incident has exactly one
-- version valid at any instant, so a page still holds each incident once).
CREATE INDEX timeline_entry_history ON timeline_entry_version (scope, scope_key, occurred_at, incident_id)
    INCLUDE (type, valid_from, valid_to, retracted, reported_at, version);

DROP TABLE timeline_entry;
DROP TABLE incident_actor;
DROP TABLE incident;

CREATE TABLE actor_title (
    actor_id  text COLLATE "C" NOT NULL,
    title     text NOT NULL,
    from_date date NOT NULL,
    -- null while the title is held
    to_date   date,
    PRIMARY KEY (actor_id, title, from_date)
);

-- Every event applied, in the order the read model committed them: the live stream (/api/v1/stream) reads it, and a
-- client resumes after the position it saw last. The filter keys are those of the timelines the event touched.
CREATE TABLE event_log (
    position     bigserial PRIMARY KEY,
    event_type   text NOT NULL,
    aggregate_id text COLLATE "C" NOT NULL,
    sequence     bigint NOT NULL,
    recorded_at  timestamptz NOT NULL,
    countries    text[] NOT NULL,
    actors       text[] COLLATE "C" NOT NULL,
    types        text[] NOT NULL
);

-- Records of the event topic that could not be applied (dead letters) and the later records of the same aggregate
-- that wait behind them (parked), so that an incident's events are still applied in order once the dead letter is
-- retried. A record is kept as it was read: its topic, partition and offset identify it; headers are UTF-8 text.

CREATE TABLE dead_letter (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- ce_subject, else the record key; null when the record names no aggregate, and then nothing waits behind it
    aggregate_id    text COLLATE "C",
    kafka_topic     text NOT NULL,
    kafka_partition integer NOT NULL,
    kafka_offset    bigint NOT NULL,
    record_key      text,
    -- [{"key": "ce_type", "value": "org.crisistimeline.IncidentRecorded.v2"}, ...] in the record's order
    headers         jsonb NOT NULL,
    value           bytea,
    error           text NOT NULL,
    attempts        integer NOT NULL,
    failed_at       timestamptz NOT NULL,
    last_failed_at  timestamptz NOT NULL,
    -- set when a retry applied it; an open dead letter holds back its aggregate
    resolved_at     timestamptz,
    UNIQUE (kafka_topic, kafka_partition, kafka_offset)
);

CREATE INDEX dead_letter_open_by_aggregate ON dead_letter (aggregate_id) WHERE resolved_at IS NULL;

CREATE TABLE parked_event (
    -- the order they arrived in, which is their order in the aggregate (one key, one partition)
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aggregate_id    text COLLATE "C" NOT NULL,
    kafka_topic     text NOT NULL,
    kafka_partition integer NOT NULL,
    kafka_offset    bigint NOT NULL,
    record_key      text,
    headers         jsonb NOT NULL,
    value           bytea,
    parked_at       timestamptz NOT NULL,
    UNIQUE (kafka_topic, kafka_partition, kafka_offset)
);

CREATE INDEX parked_event_by_aggregate ON parked_event (aggregate_id, id);

-- The names an actor is known by (its name and aliases), lower-cased, so that an incident may name an actor by one of
-- them when it is recorded. Written by a subscribing event handler in the transaction that stores the actor's event,
-- so a name is resolvable as soon as the actor's registration is acknowledged.
CREATE TABLE actor_alias (
    alias    VARCHAR(200) NOT NULL,
    actor_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (alias, actor_id)
);

-- actors registered before this table existed
INSERT INTO actor_alias (alias, actor_id)
SELECT DISTINCT lower(name.value), e.aggregate_identifier
FROM domain_event_entry e
CROSS JOIN LATERAL (
    SELECT convert_from(e.payload, 'UTF8')::jsonb ->> 'name' AS value
    UNION ALL
    SELECT jsonb_array_elements_text(convert_from(e.payload, 'UTF8')::jsonb -> 'aliases')
) AS name
WHERE e.payload_type = 'org.crisistimeline.events.actor.ActorRegistered' AND name.value IS NOT NULL
ON CONFLICT DO NOTHING;

-- Run once by the postgres:15 image on an empty data directory (docker-entrypoint-initdb.d),
-- as the superuser of POSTGRES_USER. The same role and databases infra/local/start.sh creates;
-- each service creates its own tables with Flyway.
CREATE ROLE timeline LOGIN PASSWORD 'timeline';
CREATE DATABASE timeline_events OWNER timeline;
CREATE DATABASE timeline_query OWNER timeline;

-- The observation table becomes append-only: instead of updating every row once it is forwarded, each stored chunk
-- leaves one row naming its new observations, deleted once Kafka has acknowledged them.
CREATE TABLE unforwarded_chunk (
    id               BIGSERIAL PRIMARY KEY,
    observation_ids  BIGINT[]                 NOT NULL,
    stored_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO unforwarded_chunk (observation_ids, stored_at)
SELECT array_agg(id ORDER BY id), min(received_at) FROM observation WHERE forwarded_at IS NULL HAVING count(*) > 0;

DROP INDEX observation_unforwarded;
ALTER TABLE observation DROP COLUMN forwarded_at;

-- The relay hands the payload to Kafka as it is stored: UTF-8 JSON bytes, written once by the scoring batch, so
-- neither side converts between text and bytes. Still stored uncompressed (see V4).
ALTER TABLE outbox_event ALTER COLUMN payload TYPE BYTEA USING convert_to(payload, 'UTF8');
ALTER TABLE outbox_event ALTER COLUMN payload SET STORAGE EXTERNAL;

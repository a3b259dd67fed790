-- An outbox event is written once, read once by the relay and deleted: compressing its payload (tens of kilobytes of
-- JSON for a key whose ranking moved) would cost more than storing it.
ALTER TABLE outbox_event ALTER COLUMN payload SET STORAGE EXTERNAL;

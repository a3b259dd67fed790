-- Codes compare byte by byte: their order carries no language, and the keys every batch upserts then compare with
-- memcmp instead of the database locale's collation.
ALTER TABLE report_region
    ALTER COLUMN framework_id TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN period       TYPE VARCHAR(16)  COLLATE "C",
    ALTER COLUMN region       TYPE VARCHAR(64)  COLLATE "C";
ALTER TABLE report
    ALTER COLUMN framework_id TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN period       TYPE VARCHAR(16)  COLLATE "C";
ALTER TABLE pending_resync
    ALTER COLUMN framework_id TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN period       TYPE VARCHAR(16)  COLLATE "C";

-- Codes compare byte by byte: their order carries no language, and the keys every batch upserts then compare with
-- memcmp instead of the database locale's collation.
ALTER TABLE cell_value
    ALTER COLUMN framework_id TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN period       TYPE VARCHAR(16)  COLLATE "C",
    ALTER COLUMN region       TYPE VARCHAR(64)  COLLATE "C",
    ALTER COLUMN indicator    TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE region_score
    ALTER COLUMN framework_id TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN period       TYPE VARCHAR(16)  COLLATE "C",
    ALTER COLUMN region       TYPE VARCHAR(64)  COLLATE "C";
ALTER TABLE framework_period
    ALTER COLUMN framework_id TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN period       TYPE VARCHAR(16)  COLLATE "C";

-- Codes and keys compare byte by byte: their order carries no language, and the unique indexes that every stored chunk
-- probes and extends then compare with memcmp instead of the database locale's collation (half the insert's cost).
ALTER TABLE observation
    ALTER COLUMN observation_key TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN region          TYPE VARCHAR(64)  COLLATE "C",
    ALTER COLUMN indicator       TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN period          TYPE VARCHAR(16)  COLLATE "C";

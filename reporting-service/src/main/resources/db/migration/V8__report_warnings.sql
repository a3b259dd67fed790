-- The evaluation's warnings of the latest version that carried them (JSON array of texts), kept until replaced.
ALTER TABLE report ADD COLUMN warnings TEXT;

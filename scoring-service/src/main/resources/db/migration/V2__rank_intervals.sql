-- The rank intervals last published per framework-period, and the version whose values they were computed from.
ALTER TABLE framework_period ADD COLUMN sensitivity TEXT;
ALTER TABLE framework_period ADD COLUMN sensitivity_version BIGINT NOT NULL DEFAULT 0;

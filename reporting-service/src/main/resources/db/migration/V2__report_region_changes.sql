-- The version in which a region's published scores last changed: its rank change versus the previous version is
-- previous_rank - rank in that version and zero in any later one.
ALTER TABLE report_region ADD COLUMN changed_version BIGINT;

CREATE INDEX report_region_by_region ON report_region (framework_id, region, period);

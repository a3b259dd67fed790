-- The evaluation's warnings last published per framework-period (JSON array of texts): indicators left out for coverage,
-- sent aggregates that differ from their members' sum, columns left out of outlier treatment.
ALTER TABLE framework_period ADD COLUMN warnings TEXT;

-- Framework-periods whose score-updates skipped a version and that still wait for a resync from scoring.
CREATE TABLE pending_resync (
    framework_id     VARCHAR(128) NOT NULL,
    period           VARCHAR(16)  NOT NULL,
    received_version BIGINT       NOT NULL,
    attempts         INTEGER      NOT NULL,
    last_error       TEXT,
    PRIMARY KEY (framework_id, period)
);

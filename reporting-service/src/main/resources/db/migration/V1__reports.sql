-- The current published scores of every region, as materialised from score-updates.
CREATE TABLE report_region (
    framework_id VARCHAR(128) NOT NULL,
    period       VARCHAR(16)  NOT NULL,
    region       VARCHAR(64)  NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    score        DOUBLE PRECISION,
    rank         INTEGER      NOT NULL,
    previous_rank INTEGER,
    levels       TEXT         NOT NULL,
    PRIMARY KEY (framework_id, period, region)
);

-- The latest report document per framework-period, with the score-updates version it reflects.
CREATE TABLE report (
    framework_id VARCHAR(128) NOT NULL,
    period       VARCHAR(16)  NOT NULL,
    version      BIGINT       NOT NULL,
    generated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    document     TEXT         NOT NULL,
    PRIMARY KEY (framework_id, period)
);

-- Every observation ever accepted, append-only: a correction is a new revision of the same cell.
CREATE SEQUENCE observation_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE observation (
    id               BIGINT PRIMARY KEY,
    observation_key  VARCHAR(200)     NOT NULL UNIQUE,
    region           VARCHAR(64)      NOT NULL,
    indicator        VARCHAR(128)     NOT NULL,
    period           VARCHAR(16)      NOT NULL,
    revision         INTEGER          NOT NULL,
    value_received   DOUBLE PRECISION NOT NULL,
    unit_received    VARCHAR(64)      NOT NULL,
    canonical_value  DOUBLE PRECISION NOT NULL,
    canonical_unit   VARCHAR(64)      NOT NULL,
    source           VARCHAR(500)     NOT NULL,
    sender           VARCHAR(200)     NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    forwarded_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT observation_cell_revision UNIQUE (region, indicator, period, revision)
);

CREATE INDEX observation_unforwarded ON observation (id) WHERE forwarded_at IS NULL;

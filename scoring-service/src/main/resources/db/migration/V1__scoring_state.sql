-- The current value of every cell of every framework-period, with the revision it came from.
CREATE TABLE cell_value (
    framework_id VARCHAR(128)     NOT NULL,
    period       VARCHAR(16)      NOT NULL,
    region       VARCHAR(64)      NOT NULL,
    indicator    VARCHAR(128)     NOT NULL,
    value        DOUBLE PRECISION NOT NULL,
    revision     INTEGER          NOT NULL,
    source       VARCHAR(500)     NOT NULL,
    update_id    VARCHAR(200)     NOT NULL,
    PRIMARY KEY (framework_id, period, region, indicator)
);

-- The published (rounded) scores per region, as of the last published version.
CREATE TABLE region_score (
    framework_id VARCHAR(128) NOT NULL,
    period       VARCHAR(16)  NOT NULL,
    region       VARCHAR(64)  NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    score        DOUBLE PRECISION,
    rank         INTEGER      NOT NULL,
    levels       TEXT         NOT NULL,
    PRIMARY KEY (framework_id, period, region)
);

-- The last published version per framework-period (the key of score-updates).
CREATE TABLE framework_period (
    framework_id VARCHAR(128) NOT NULL,
    period       VARCHAR(16)  NOT NULL,
    version      BIGINT       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (framework_id, period)
);

-- Consumer positions, written in the same transaction as the state they produced.
CREATE TABLE consumer_offset (
    topic          VARCHAR(255) NOT NULL,
    partition_no   INTEGER      NOT NULL,
    next_offset    BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition_no)
);

-- Events to publish, written in the same transaction; the relay sends them in id order and deletes them.
CREATE SEQUENCE outbox_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE outbox_event (
    id         BIGINT PRIMARY KEY,
    topic      VARCHAR(255) NOT NULL,
    event_key  VARCHAR(255) NOT NULL,
    payload    TEXT         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

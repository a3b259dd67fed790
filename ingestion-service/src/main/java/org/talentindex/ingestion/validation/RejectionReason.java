package org.talentindex.ingestion.validation;

/** Why an observation was refused; the code travels in the dead-letter header {@code reason-code} and in upload results. */
public enum RejectionReason {
    MALFORMED_JSON,
    MALFORMED_CSV,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_PERIOD,
    SCHEMA_VIOLATION,
    NOT_FINITE,
    UNKNOWN_INDICATOR,
    UNKNOWN_REGION,
    REGION_NOT_COVERED,
    WRONG_UNIT,
    OUT_OF_RANGE,
    NOT_BINARY,
    UNPROCESSABLE
}

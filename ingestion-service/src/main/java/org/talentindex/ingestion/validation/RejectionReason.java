package org.talentindex.ingestion.validation;

/**
 * Why an observation was refused; the code travels in the dead-letter header {@code reason-code} and in upload results.
 * Every code is described in docs/ingestion.md.
 */
public enum RejectionReason {
    MALFORMED_JSON,
    MALFORMED_CSV,
    MALFORMED_WORKBOOK,
    BAD_ENCODING,
    INVALID_TEXT,
    MISSING_FIELD,
    WRONG_TYPE,
    FIELD_TOO_LONG,
    INVALID_PERIOD,
    SCHEMA_VIOLATION,
    NOT_FINITE,
    UNKNOWN_INDICATOR,
    UNKNOWN_REGION,
    REGION_NOT_COVERED,
    PERIOD_OUT_OF_RANGE,
    WRONG_UNIT,
    OUT_OF_RANGE,
    NOT_BINARY,
    CONFLICTING_OBSERVATION_ID,
    TOO_MANY_ROWS,
    UNPROCESSABLE
}

package org.talentindex.ingestion.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What became of one received observation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowOutcome(long row, String column, Status status, Integer revision, String reason, String message) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    public static RowOutcome accepted(long row, String column, int revision) {
        return new RowOutcome(row, column, Status.ACCEPTED, revision, null, null);
    }

    public static RowOutcome duplicate(long row, String column, int revision) {
        return new RowOutcome(row, column, Status.DUPLICATE, revision, null, null);
    }

    public static RowOutcome rejected(long row, String column, String reason, String message) {
        return new RowOutcome(row, column, Status.REJECTED, null, reason, message);
    }
}

package org.talentindex.ingestion.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What became of one received observation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowOutcome(long row, Status status, Integer revision, String reason, String message) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    public static RowOutcome accepted(long row, int revision) {
        return new RowOutcome(row, Status.ACCEPTED, revision, null, null);
    }

    public static RowOutcome duplicate(long row, int revision) {
        return new RowOutcome(row, Status.DUPLICATE, revision, null, null);
    }

    public static RowOutcome rejected(long row, String reason, String message) {
        return new RowOutcome(row, Status.REJECTED, null, reason, message);
    }
}
